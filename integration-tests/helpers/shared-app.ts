/**
 * Several spec files on one Medusa app. Booting an app for a spec file (its database created and
 * migrated, its links synced, the app loaded into jest's module registry and started) costs about
 * ten seconds of CPU; specs that ask for the same configuration share one: the files of one or more
 * folders, run by an entry (integration-tests/http/sandbox-shop.spec.ts, with-alma.spec.ts,
 * with-stripe.spec.ts, on-shipment.spec.ts).
 *
 * Each spec file still starts from nothing, as if it had the app to itself: before its own
 * `beforeAll` hooks the database is put back as it was right after the boot and the demo store's
 * seed (the "pristine" template: the entry seeds the store once, and `openShop` gives each file
 * that seeded store), and after them it is snapshotted, so each of its tests starts from what its
 * hooks made (Medusa's runner restores that snapshot before every test). Hooks that write to the
 * database must therefore be top-level `beforeAll` hooks of the suite, as those of `useShop` and
 * `madeBeforeAll` (helpers/shop.ts) are.
 *
 * A spec file calls `shopRunner` where it would call Medusa's `medusaIntegrationTestRunner`. Run by
 * a folder's entry, it joins the entry's app under a `describe` named after the file (so
 * `npx jest integration-tests/http/sandbox-shop.spec.ts -t collection` runs one file's tests); the
 * app's configuration (`env`) must then be the entry's, or the file says which it needs and stops.
 */
import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { databaseExists, lockTemplate, tryLockTemplate, type TemplateLock } from "./database-templates"
import { openShop, useTestClock, type ReadyCarts } from "./shop"
import { trackSubscribers } from "./subscribers"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]
type Suite = RunnerOptions["testSuite"]
type SuiteOptions = Parameters<Suite>[0]

const ROOT = path.join(__dirname, "../..")

/** The sandbox shop's configuration: the hourly collection job off (tests collect by moving the test clock). */
export const SHOP_ENV: Record<string, string> = { INSTALMENTS_COLLECTION_JOB: "off" }

/** The entry's app while it loads its folder's spec files (null otherwise: a file run on its own). */
let joining: { options: SuiteOptions; env: Record<string, string>; pristine: string; title: string } | null = null

/** A spec file's suite on a Medusa app: the entry's app when a folder's entry runs it, else its own. */
export function shopRunner({ env = SHOP_ENV, testSuite }: { env?: Record<string, string>; testSuite: Suite }) {
  if (!joining) {
    appRunner({ env, testSuite })
    return
  }
  const { options, pristine, title } = joining
  if (JSON.stringify(sorted(env)) !== JSON.stringify(sorted(joining.env))) {
    throw new Error(
      `${title} asks for env ${JSON.stringify(env)}, but the app it joins runs with ${JSON.stringify(joining.env)}: ` +
        "move the file out of the folder (it then boots its own app) or give it the folder's env",
    )
  }
  describe(title, () => {
    beforeAll(() => options.dbUtils.restore({ templateName: pristine }))
    testSuite(options)
    // Last of the file's beforeAll hooks: its tests start from what the others seeded.
    beforeAll(() => settledSnapshot(options))
  })
}

/**
 * Runs every `*.spec.ts` file of `folders` on one app with `env` (the sandbox shop's, on its test
 * clock): each folder's files by name, folder after folder.
 */
export function shareOneApp(folders: string | string[], { readyCarts = {}, env = SHOP_ENV }: { readyCarts?: ReadyCarts; env?: Record<string, string> } = {}) {
  useTestClock()
  appRunner({
    env,
    testSuite: (options) => {
      const pristine = `${options.dbConfig.dbName}-pristine`
      beforeAll(() => openShop(options.api, options.getContainer(), readyCarts))
      beforeAll(() => settledSnapshot(options, pristine))
      // test-utils' dbUtils has dropTemplate (database.js); its type leaves it out.
      const dbUtils = options.dbUtils as typeof options.dbUtils & { dropTemplate(name: string): Promise<void> }
      afterAll(() => dbUtils.dropTemplate(pristine))
      for (const folder of ([] as string[]).concat(folders)) {
        for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".spec.ts")).sort()) {
          joining = { options, env, pristine, title: file.replace(/\.spec\.ts$/, "") }
          try {
            require(path.join(folder, file))
          } finally {
            joining = null
          }
        }
      }
    },
  })
}

/** A booted app's database, copied for every app after the run's first (see appRunner). */
const BOOTED_TEMPLATE = "instalments_booted"

/**
 * Medusa's integration test runner (one app for the spec file, with `env`), on a copy of the
 * database of the first app the run booted. An app booting on an empty database runs every module's
 * migrations and syncs the links. The run's first app does it and its database is kept as a
 * template once it has booted (the runner has no hook between the migrations and the boot); the
 * later apps start from a copy, where their boot keeps what the first one wrote (Medusa's default
 * store and sales channel, the providers' rows), as a store restarted with another configuration
 * does, and they skip the migrations' and the links' checks, which would find nothing to do
 * (skipNextMigrationsAndLinkSync). An app that starts while the template is being built does not
 * wait for it: it migrates its own database, as the first one does.
 */
export function appRunner({ env = {}, testSuite }: { env?: Record<string, string>; testSuite: Suite }) {
  // Unique among the specs running at the same time: one per worker process and spec file.
  const dbName = `medusa-${path.basename(expect.getState().testPath ?? "spec").replace(/\W+/g, "-").slice(0, 30)}-${process.pid}`.toLowerCase()
  let building: TemplateLock | null = null
  const release = async () => {
    await building?.release()
    building = null
  }
  medusaIntegrationTestRunner({
    cwd: ROOT,
    env,
    dbName,
    hooks: {
      // Before the runner creates and migrates the database (and after it loaded the configuration).
      beforeServerStart: async () => {
        const lock = await tryLockTemplate(BOOTED_TEMPLATE)
        if (lock && !(await lock.exists())) {
          building = lock
        } else if (lock || (await databaseExists(BOOTED_TEMPLATE))) {
          // The template is there: copy it (after the spec copying it now, if another holds the lock).
          const copying = lock ?? (await lockTemplate(BOOTED_TEMPLATE))
          await copying.copyTo(dbName).finally(() => copying.release())
          skipNextMigrationsAndLinkSync()
        }
        // Else another spec is building it: the runner migrates this app's database.
      },
    },
    testSuite: (options) => {
      // From the start, so that every subscriber a hook starts is counted (settledSnapshot).
      beforeAll(() => void trackSubscribers(options.getContainer()))
      beforeAll(async () => {
        if (!building) return
        // Not options.dbUtils.snapshot: that one also tells the runner its own snapshot is taken,
        // and it would then restore the second test from a template it never made.
        await building.copyFrom(options.dbConfig.dbName)
        await release()
      })
      // The boot failed: let the next app build the template.
      afterAll(release)
      testSuite(options)
      // Last: the runner's own snapshot, at the first test, then finds the hooks' subscribers done.
      beforeAll(() => trackSubscribers(options.getContainer())?.idle())
    },
  })
}

/**
 * The runner's next `migrateDatabase` and `syncLinks` do nothing: the app's database is a copy of
 * one every migration ran on and whose link tables were synced, with the same modules and links
 * (medusa-config.ts registers the same ones for every test app: only REDIS_URL, which
 * integration-tests/setup.js clears, changes them; src/links is the same). Finding that out took
 * Medusa 1.9 s of CPU per app for the migrations (it loads every module's migrations), and about
 * 3 s for the links (it plans each link table against the database): in jest runs of a few specs,
 * the runner's boot on a copy took 6.1 to 7.7 s with the link sync, 3.4 to 3.5 s without. The app
 * still loads the links it serves, as `medusa start` does (Medusa's loaders, not the sync). A link
 * table missing from the copy would fail the first request that uses it.
 */
function skipNextMigrationsAndLinkSync() {
  const useDb = require(path.join(path.dirname(require.resolve("@medusajs/test-utils")), "medusa-test-runner-utils", "use-db.js"))
  for (const step of ["migrateDatabase", "syncLinks"]) {
    const original = useDb[step]
    useDb[step] = async () => {
      useDb[step] = original
    }
  }
}

/**
 * A snapshot once the subscribers the hooks started are done: an order placed in a `beforeAll`
 * still has its plan attached and its e-mail sent after the answer, and a snapshot taken meanwhile
 * would hold them half-made (and the in-place restore's copies would differ from the runner's
 * template: integration-tests/restore-in-place.js).
 */
async function settledSnapshot(options: SuiteOptions, templateName?: string) {
  await trackSubscribers(options.getContainer())?.idle()
  await options.dbUtils.snapshot(templateName ? { templateName } : undefined)
}

function sorted(env: Record<string, string>) {
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)))
}
