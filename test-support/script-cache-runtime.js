// jest's module runtime, with each file's compiled script kept for the next test files of the same
// worker. jest compiles every file a test file loads (`new vm.Script`) anew for each test file, in
// its own module registry: an HTTP spec loads about 6,400 files of Medusa, MikroORM, knex... and
// the 111 unit files load zod, the domain and the fakes again and again. A compiled script is not
// tied to a context: V8 runs the same one in each test file's context, where it executes afresh
// (each file still gets its own module objects and state), but parses nothing again and keeps the
// bytecode of the functions the earlier runs compiled.
// Measured (`npm run test:unit`, two runs each, alternated): 23.6 and 26.2 s → 17.6 and 20.6 s wall,
// 44 and 49 → 32 and 38 CPU-s. Three small HTTP specs in one process (-i: the second and third
// apps reuse the first one's scripts), alternated: median of 6 runs 45.3 s → of 5 runs 40.0 s.
// One HTTP spec alone, with nothing to reuse, takes the same time within the machine's noise.
// A script whose code has `import(` is compiled again every time: jest binds its dynamic imports
// to the runtime that compiled it, which is the test file's own. The configured `runtime` is
// jest's documented replacement for jest-runtime (jest-runner/build/runTest.js). With
// `--coverage --coverageProvider=v8` a shared script would count the runs of several files: set
// INSTALMENTS_JEST_RUNTIME=jest for such a run (jest.config.js), which compiles per file again.
const Runtime = require("jest-runtime").default

/** Compiled scripts by file, with the code and module wrapper each was compiled from: one map per worker process. */
const compiled = new Map()

class ScriptCacheRuntime extends Runtime {
  createScriptFromCode(source, filename) {
    if (source.includes("import(")) return super.createScriptFromCode(source, filename)
    // The wrapper names the globals jest injects, which a project's configuration may change.
    const wrapper = this.constructModuleWrapperStart()
    const cached = compiled.get(filename)
    if (cached && cached.source === source && cached.wrapper === wrapper) return cached.script
    const script = super.createScriptFromCode(source, filename)
    compiled.set(filename, { source, wrapper, script })
    return script
  }
}

module.exports = ScriptCacheRuntime
module.exports.default = ScriptCacheRuntime
