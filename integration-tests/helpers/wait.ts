/**
 * Reads until `done` holds (what a subscriber or another process does happens after the request
 * that caused it), every 100 ms for at most `boundMs`; answers the last value read, so the test's
 * assertions say what was missing.
 */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, boundMs = 10_000): Promise<T> {
  const deadline = Date.now() + boundMs
  let value = await read()
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    value = await read()
  }
  return value
}
