/**
 * The Chromium the browser tests drive with playwright-core (which downloads no browser):
 *  1. CHROMIUM_PATH, when set;
 *  2. else the system's (Debian's `chromium` package, /usr/bin/chromium), when installed;
 *  3. else the headless Chromium that the `@sparticuz/chromium` devDependency ships inside its npm
 *     package (a headless build), unpacked into the temp folder on first use: `npm install &&
 *     npm test` then needs nothing but the npm registry. The binary links only to libc, nss, nspr
 *     and expat, which a Debian machine with Node has.
 */
import fs from "node:fs"
import path from "node:path"

/** Where the browser tests save their screenshots (git-ignored). */
export const SHOTS = path.join(__dirname, "../../../.screenshots/browser")

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

export interface ChromiumToLaunch {
  executablePath: string
  /** Where it came from, for the test's messages. */
  source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium"
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** `systemPaths` is where a system Chromium is looked for (tests of this lookup pass their own). */
export async function findChromium(systemPaths: readonly string[] = SYSTEM_CHROMIUMS): Promise<ChromiumToLaunch> {
  const explicit = process.env.CHROMIUM_PATH
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file`)
    return { executablePath: explicit, source: "CHROMIUM_PATH" }
  }
  const system = systemPaths.find(isExecutable)
  if (system) return { executablePath: system, source: "system" }
  // Imported only when needed: unpacking its binary (brotli) takes a few seconds the first time.
  const { default: bundled } = await import("@sparticuz/chromium")
  return { executablePath: await bundled.executablePath(), source: "@sparticuz/chromium" }
}
