/**
 * jest's order of test files (the ones that failed last time first, then the slowest first, by the
 * timings jest keeps; by file size when it has none), except that a file running a folder of spec
 * files on one app (integration-tests/helpers/shared-app.ts: http/plans.spec.ts runs http/plans/)
 * weighs as the folder. In a fresh clone jest has no timings, and by its own size such an entry,
 * the longest file of the run, came last: the run ended with one worker busy and the other idle.
 */
const fs = require("node:fs")
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

function weight(file) {
  const size = fs.statSync(file).size
  const folder = file.replace(/\.spec\.[jt]s$/, "")
  if (folder === file || !fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return size
  return fs
    .readdirSync(folder)
    .filter((name) => /\.spec\.[jt]s$/.test(name))
    .reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, size)
}

class SharedAppSequencer extends Sequencer {
  sort(tests) {
    const weights = new Map(tests.map((test) => [test.path, weight(test.path)]))
    for (const test of tests) test.duration = this.time(test)
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a)
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1
      const timedA = a.duration != null
      // As jest: a file with no timing yet (new) runs before those with one.
      if (timedA !== (b.duration != null)) return timedA ? 1 : -1
      if (timedA) return b.duration - a.duration
      return weights.get(b.path) - weights.get(a.path)
    })
  }
}

module.exports = SharedAppSequencer
