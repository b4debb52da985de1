/**
 * The plans' life after checkout on one Medusa app: collection, revisions, exchanges, linked plans,
 * the store's clock, the sandbox's records, the admin's actions and views. Each file of ./plans runs
 * as if it had the app to itself (helpers/shared-app.ts). One file's tests:
 *   npx jest integration-tests/http/plans.spec.ts -t revisions
 */
import path from "node:path"
import { shareOneApp } from "../helpers/shared-app"

jest.setTimeout(240_000)

shareOneApp(path.join(__dirname, "plans"))
