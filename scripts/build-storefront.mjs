#!/usr/bin/env node
/**
 * Builds the storefront kit (src/storefront) into .medusa/storefront: ESM JavaScript and type
 * declarations (tsc), the styles, and a package.json that marks the folder as ESM. Medusa's
 * `plugin:build` compiles the server as CommonJS and cleans .medusa/server, so the kit has its own
 * folder and runs after it (npm run build).
 */
import { execFileSync } from "node:child_process"
import { copyFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const out = path.join(root, ".medusa/storefront")
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")

rmSync(out, { recursive: true, force: true })
execFileSync(process.execPath, [tsc, "-p", path.join(root, "src/storefront/tsconfig.json")], { stdio: "inherit" })
copyFileSync(path.join(root, "src/storefront/styles.css"), path.join(out, "styles.css"))
writeFileSync(path.join(out, "package.json"), `${JSON.stringify({ type: "module", sideEffects: ["*.css"] }, null, 2)}\n`)
console.log(`storefront kit built into ${path.relative(root, out)}`)
