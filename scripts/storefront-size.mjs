#!/usr/bin/env node
/**
 * npm run size:storefront — what the storefront kit adds to a page, minified and gzipped (esbuild,
 * which comes with vite): the badge alone (what a product page loads), the client alone, and
 * everything. React is the store's own and is not counted.
 */
import { gzipSync } from "node:zlib"
import path from "node:path"

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
let esbuild
try {
  esbuild = await import("esbuild")
} catch {
  console.error("esbuild is not installed (it comes with vite, a devDependency): run npm install")
  process.exit(1)
}

const ENTRIES = {
  "badge alone (InstalmentsBadge + createQuoteClient)": "src/storefront/react/badge-entry.ts",
  "client (medusa-instalments/storefront)": "src/storefront/index.ts",
  "all components (medusa-instalments/storefront/react)": "src/storefront/react/index.ts",
}

for (const [name, entry] of Object.entries(ENTRIES)) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    external: ["react", "react/jsx-runtime", "react-dom"],
    write: false,
    logLevel: "error",
  })
  const code = result.outputFiles[0].contents
  console.log(`${name}: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzipped`)
}
