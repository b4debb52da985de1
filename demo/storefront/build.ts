/**
 * Bundles the demo storefront (demo/storefront/src) into static files with esbuild (which comes
 * with vite): main.js, main.css and index.html. `npm start` calls it before serving; it skips the
 * build when nothing it is made from changed since the last one (the sources' names, sizes and
 * times are kept in the output folder).
 *
 * The storefront imports the kit as a store would (`medusa-instalments/storefront`, `/react`,
 * `/styles.css`); those names are aliased to the kit's sources (src/storefront), so the demo needs
 * no build of the package first and always shows the kit as it is in this checkout.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import * as esbuild from "esbuild"

const ROOT = path.join(__dirname, "../..")
const HERE = __dirname
const KIT = path.join(ROOT, "src/storefront")
/** What the bundle is made from: the demo's own sources and the kit's (tests aside). */
const INPUTS = [path.join(HERE, "src"), path.join(HERE, "index.html"), KIT]
const STAMP = ".built-from"

function filesUnder(entry: string): string[] {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return [entry]
  return fs.readdirSync(entry).flatMap((name) => filesUnder(path.join(entry, name)))
}

/** A fingerprint of every input file (name, size, modification time). */
function inputsFingerprint(): string {
  const hash = crypto.createHash("sha256")
  for (const file of INPUTS.flatMap(filesUnder).filter((f) => !/\.test\.tsx?$/.test(f)).sort()) {
    const stat = fs.statSync(file)
    hash.update(`${path.relative(ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`)
  }
  return hash.digest("hex")
}

export interface BuildResult {
  outDir: string
  /** false: the output was up to date and kept. */
  built: boolean
  ms: number
}

export async function buildStorefront(outDir: string, options: { force?: boolean } = {}): Promise<BuildResult> {
  const started = Date.now()
  const fingerprint = inputsFingerprint()
  const stampFile = path.join(outDir, STAMP)
  if (!options.force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint) {
    return { outDir, built: false, ms: Date.now() - started }
  }
  fs.rmSync(outDir, { recursive: true, force: true })
  await esbuild.build({
    entryPoints: [path.join(HERE, "src/main.tsx")],
    bundle: true,
    outdir: outDir,
    format: "esm",
    target: "es2020",
    minify: true,
    sourcemap: true,
    jsx: "automatic",
    // The names a store imports, pointed at the kit's sources (see the top of this file).
    alias: { "medusa-instalments/storefront": KIT },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  })
  fs.copyFileSync(path.join(HERE, "index.html"), path.join(outDir, "index.html"))
  fs.writeFileSync(stampFile, fingerprint)
  return { outDir, built: true, ms: Date.now() - started }
}
