// Medusa's DML registers entities in a process-wide MikroORM store: clear it between test files.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
// Bounds the test app's shutdown and reports what keeps it open (see the file).
require("./bounded-shutdown")
