/**
 * Environment variables for a spec file. medusa-config.ts reads them when Medusa's runner loads it,
 * which is when the file's suite is declared, before the runner applies its own `env` option: so
 * they are set at once, and put back as they were when the file ends, so the next file of the same
 * worker starts clean. `undefined` removes a variable for the file.
 */
export function useFileEnv(env: Record<string, string | undefined>): void {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  assign(env)
  afterAll(() => assign(previous))
}

function assign(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}
