/**
 * Several spec files on one Medusa app. Booting an app for a spec file (its database created and
 * migrated, its links synced, the app loaded into jest's module registry and started) costs about
 * ten seconds of CPU; the specs of the sandbox shop all ask for the same app, so a folder of them
 * shares one (integration-tests/http/plans.spec.ts and shoppers.spec.ts run their folders).
 *
 * Each spec file still starts from nothing, as if it had the app to itself: before its own
 * `beforeAll` hooks the database is put back as it was right after the boot (the "pristine"
 * template), and after them it is snapshotted, so each of its tests starts from what its hooks
 * seeded (Medusa's runner restores that snapshot before every test). Hooks that write to the
 * database must therefore be top-level `beforeAll` hooks of the suite, as `useShop`'s is.
 *
 * A spec file calls `shopRunner` where it would call Medusa's `medusaIntegrationTestRunner`. Run by
 * a folder's entry, it joins the entry's app under a `describe` named after the file (so
 * `npx jest integration-tests/http/plans.spec.ts -t collection` runs one file's tests); the app's
 * configuration (`env`) must then be the entry's, or the file says which it needs and stops.
 */
import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useTestClock } from "./shop"

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
    medusaIntegrationTestRunner({ cwd: ROOT, env, testSuite })
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
    beforeAll(() => options.dbUtils.snapshot())
  })
}

/** Runs every `*.spec.ts` file of `folder` on one app with `env` (the sandbox shop's, on its test clock). */
export function shareOneApp(folder: string, env: Record<string, string> = SHOP_ENV) {
  useTestClock()
  medusaIntegrationTestRunner({
    cwd: ROOT,
    env,
    testSuite: (options) => {
      const pristine = `${options.dbConfig.dbName}-pristine`
      beforeAll(() => options.dbUtils.snapshot({ templateName: pristine }))
      // test-utils' dbUtils has dropTemplate (database.js); its type leaves it out.
      const dbUtils = options.dbUtils as typeof options.dbUtils & { dropTemplate(name: string): Promise<void> }
      afterAll(() => dbUtils.dropTemplate(pristine))
      for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".spec.ts")).sort()) {
        joining = { options, env, pristine, title: file.replace(/\.spec\.ts$/, "") }
        try {
          require(path.join(folder, file))
        } finally {
          joining = null
        }
      }
    },
  })
}

function sorted(env: Record<string, string>) {
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)))
}
