/**
 * jest's resolver, with one addition: the storefront kit (src/storefront) is ESM and names its
 * relative imports "./client.js", as Node's ESM needs, while the file is client.ts. Only imports
 * made from inside src/storefront are mapped, so nothing else (Medusa, node_modules) resolves
 * differently.
 */
const path = require("node:path")

const KIT = `${path.sep}src${path.sep}storefront`

module.exports = (request, options) => {
  const fromKit = options.basedir.includes(KIT) && !options.basedir.includes(`${path.sep}node_modules${path.sep}`)
  if (fromKit && request.startsWith(".") && request.endsWith(".js")) {
    try {
      return options.defaultResolver(request.slice(0, -3), options)
    } catch {
      // No .ts beside it: a real .js file, resolved as asked.
    }
  }
  return options.defaultResolver(request, options)
}
