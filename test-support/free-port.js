// A free TCP port on 127.0.0.1, chosen by the OS: for the servers the tests, benches and scripts
// start (Postgres, Medusa processes, Redis, the demo storefront, fakes). CommonJS, so the jest
// specs and the .mjs scripts share it (scripts/embedded-pg.mjs re-exports it).
const net = require("node:net")

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

module.exports = { freePort }
