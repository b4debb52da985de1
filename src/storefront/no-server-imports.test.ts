/**
 * The storefront kit ships to browsers: no file of it may import server code, i.e. nothing outside
 * src/storefront and no package but React. A test file may (types.test.ts reads the server's types); so may the tests' fixtures.
 */
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

const KIT = __dirname
const ALLOWED_PACKAGES = ["react", "react/jsx-runtime"]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__fixtures__" ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8")
  return [...source.matchAll(/(?:import|export)\s[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2])
}

describe("the storefront kit", () => {
  const files = sourceFiles(KIT)

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it("imports nothing outside src/storefront but React", () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => (spec.startsWith(".") ? !path.resolve(path.dirname(file), spec).startsWith(KIT + path.sep) : !ALLOWED_PACKAGES.includes(spec)))
        .map((spec) => `${path.relative(KIT, file)} imports ${spec}`),
    )
    expect(outside).toEqual([])
  })

  it("names its relative imports with .js, as ESM in Node needs", () => {
    const bare = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith(".") && !spec.endsWith(".js"))
        .map((spec) => `${path.relative(KIT, file)} imports ${spec}`),
    )
    expect(bare).toEqual([])
  })

  it("keeps React out of the client: only react/ imports it", () => {
    const clientWithReact = files.filter((file) => !file.includes(`${path.sep}react${path.sep}`) && importsOf(file).some((spec) => spec.startsWith("react")))
    expect(clientWithReact).toEqual([])
  })
})
