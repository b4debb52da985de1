/**
 * What shoppers do on one Medusa app: checkout, the storefront kit, the self-service page and its
 * links, support requests and the admin's answers. Each file of ./shoppers runs as if it had the
 * app to itself (helpers/shared-app.ts). One file's tests:
 *   npx jest integration-tests/http/shoppers.spec.ts -t checkout
 */
import path from "node:path"
import { shareOneApp } from "../helpers/shared-app"

jest.setTimeout(240_000)

// The carts its tests take most, made ready with the seed (helpers/shop.ts).
shareOneApp(path.join(__dirname, "shoppers"), { readyCarts: { "office-chair": 2, "standing-desk": 1 } })
