/**
 * jest's order of test files: the ones that failed last time first, then the longest first, so
 * that the two workers end together. How long a file takes is jest's own timing of its last run
 * when it has one; on a machine with none (a fresh clone, as CI's), the seconds
 * test-durations.json gives (a full run on a 2-core machine like CI's: files of 5 s or more); else
 * the file's size, below every listed file. Without them, in a fresh clone, the order went by size
 * alone: a folder's entry (helpers/shared-app.ts) or the admin dashboard's spec, whose tests are in
 * other files, came late, and the run ended with one worker busy and the other idle.
 */
const fs = require("node:fs")
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

const ROOT = path.join(__dirname, "..")
const MEASURED = require("./test-durations.json")

/**
 * Milliseconds the file is expected to take when jest has no timing of its own. A file the
 * measured run does not list took under 5 s then: those come after every listed one, the larger
 * first (the size only orders them among themselves; it is not a duration).
 */
function expected(file) {
  const measured = MEASURED[path.relative(ROOT, file).split(path.sep).join("/")]
  if (measured !== undefined) return measured * 1000
  return Math.min(1, fs.statSync(file).size / 1e9)
}

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const durations = new Map(tests.map((test) => [test.path, this.time(test) ?? expected(test.path)]))
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a)
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1
      return durations.get(b.path) - durations.get(a.path)
    })
  }
}

module.exports = LongestFirstSequencer
