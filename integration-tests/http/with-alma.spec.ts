/**
 * The specs that need Alma (the plugin's stateful fake behind msw), each file of ./with-alma on one
 * app (helpers/shared-app.ts) with one Alma configuration (helpers/alma.ts, WITH_ALMA); each file
 * still gets a fake Alma of its own.
 *  - alma-checkout: Alma as the lender, from the session to the plan, refunds and the hourly sync;
 *  - alma-support: support requests on a plan Alma funds;
 *  - bad-input: what the plugin answers to anything a caller can send, on both providers.
 */
import path from "node:path"
import { shareFakeAlma, WITH_ALMA } from "../helpers/alma"
import { shareOneApp } from "../helpers/shared-app"

jest.setTimeout(240_000)

shareFakeAlma(WITH_ALMA)
// The carts its tests take most, made ready with the seed (helpers/shop.ts).
shareOneApp(path.join(__dirname, "with-alma"), { readyCarts: { "office-chair": 2 } })
