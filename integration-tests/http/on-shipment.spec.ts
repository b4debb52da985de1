/**
 * A store that starts what it can at the shipment, on one app (helpers/shared-app.ts): direct
 * plans with `deferred_start: "on_shipment"` (the card verified at checkout, the plan started when
 * the merchant ships) and Alma with `deferred_trigger: "on_shipment"` (Alma takes nothing until the
 * shipment triggers it). The two options act on different plans (direct, Alma), so each file of
 * ./on-shipment tests one of them as if the other were off; they were two apps. One file's tests:
 *   npx jest integration-tests/http/on-shipment.spec.ts -t collection-deferred
 */
import path from "node:path"
import { ON_SHIPMENT_ALMA, shareFakeAlma } from "../helpers/alma"
import { useFileEnv } from "../helpers/env"
import { shareOneApp } from "../helpers/shared-app"

jest.setTimeout(240_000)

// Read by medusa-config.ts when the runner loads it.
useFileEnv({ INSTALMENTS_DEFERRED_START: "on_shipment" })
shareFakeAlma(ON_SHIPMENT_ALMA)
shareOneApp(path.join(__dirname, "on-shipment"))
