/**
 * Idempotent seed of the demo store (run by `npm start` through `medusa exec`).
 * Every step first looks for what it would create, so running it again changes nothing and
 * prints the same ids. It returns (and writes to $DEMO_SUMMARY_FILE) what the launcher prints.
 */
import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const DEMO_REGION_NAME = "Europe"
/** NL is in the region but is not an instalment country: the demo shows a refusal there. */
export const DEMO_COUNTRIES = ["fr", "be", "es", "de", "it", "nl"]
export const INSTALMENTS_PROVIDER_ID = "pp_instalments_instalments"
/** Alma as the lender (medusa-config.ts registers it; `npm run fake-alma` serves a fake Alma offline). */
export const ALMA_PROVIDER_ID = "pp_alma_alma"
export const DEMO_PRODUCTS = [
  { title: "Desk lamp", handle: "desk-lamp", price: 39 },
  { title: "Office chair", handle: "office-chair", price: 249 },
  { title: "Standing desk", handle: "standing-desk", price: 1299 },
  { title: "Espresso machine", handle: "espresso-machine", price: 4500 },
]

type Container = ExecArgs["container"]

export default async function seedDemoStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const salesChannel = await ensureSalesChannel(container)
  await ensureStoreCurrency(container)
  const publishableKey = await ensurePublishableKey(container, salesChannel.id)
  const region = await ensureRegion(container)
  const location = await ensureStockLocation(container, salesChannel.id)
  await ensureShipping(container, location.id, region.id)
  await ensureProducts(container, salesChannel.id, location.id)
  const admin = await ensureAdminUser(container)

  const summary = {
    region_id: region.id,
    publishable_key: publishableKey,
    sales_channel_id: salesChannel.id,
    admin_email: admin.email,
    admin_password: admin.password,
  }
  // The launcher (scripts/demo.mjs) names a file to read the summary back from.
  const out = process.env.DEMO_SUMMARY_FILE
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, JSON.stringify(summary, null, 2))
  }
  logger.info(`Demo store seeded: region ${region.id}, publishable key ${publishableKey}`)
  return summary
}

async function ensureSalesChannel(container: Container) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: "Default Sales Channel" })
  if (existing) return existing
  return salesChannels.createSalesChannels({ name: "Default Sales Channel" })
}

async function ensureStoreCurrency(container: Container) {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores({}, { relations: ["supported_currencies"] })
  const isEurDefault = store.supported_currencies?.some((c) => c.currency_code === "eur" && c.is_default)
  if (isEurDefault) return
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { supported_currencies: [{ currency_code: "eur", is_default: true }] },
    },
  })
}

async function ensurePublishableKey(container: Container, salesChannelId: string): Promise<string> {
  const apiKeys = container.resolve(Modules.API_KEY)
  let key = (await apiKeys.listApiKeys({ type: "publishable" })).find((k) => !k.revoked_at)
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Demo storefront", type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  const linked = (data[0]?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)
  if (!linked) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key.token
}

async function ensureRegion(container: Container) {
  const regions = container.resolve(Modules.REGION)
  const [existing] = await regions.listRegions({ name: DEMO_REGION_NAME })
  const providers = ["pp_system_default", INSTALMENTS_PROVIDER_ID, ALMA_PROVIDER_ID]
  if (existing) {
    // Re-enable the providers in case an admin removed them while trying the demo.
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: existing.id }, update: { payment_providers: providers } },
    })
    return existing
  }
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: DEMO_REGION_NAME, currency_code: "eur", countries: DEMO_COUNTRIES, payment_providers: providers },
      ],
    },
  })
  return result[0]
}

async function ensureStockLocation(container: Container, salesChannelId: string) {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const [existing] = await stockLocations.listStockLocations({ name: "Paris warehouse" })
  if (existing) return existing
  const { result } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Paris warehouse",
          address: { address_1: "1 rue de Rivoli", city: "Paris", postal_code: "75001", country_code: "fr" },
        },
      ],
    },
  })
  const location = result[0]
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  // Without this link the Store API lists no shipping option.
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
  return location
}

async function ensureShipping(container: Container, locationId: string, regionId: string) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existingOption] = await fulfillment.listShippingOptions({ name: "Standard" })
  if (existingOption) return

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Europe delivery",
    type: "shipping",
    service_zones: [
      { name: "Europe", geo_zones: DEMO_COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })) },
    ],
  })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Delivered in 2 to 4 working days.", code: "standard" },
        prices: [
          { currency_code: "eur", amount: 5.9 },
          { region_id: regionId, amount: 5.9 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
}

async function ensureProducts(container: Container, salesChannelId: string, locationId: string) {
  const products = container.resolve(Modules.PRODUCT)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const existing = await products.listProducts({ handle: DEMO_PRODUCTS.map((p) => p.handle) })
  const missing = DEMO_PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length === 0) return

  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => ({
        title: p.title,
        handle: p.handle,
        status: "published" as const,
        shipping_profile_id: profile.id,
        sales_channels: [{ id: salesChannelId }],
        options: [{ title: "Default", values: ["Default"] }],
        variants: [
          {
            title: "Default",
            sku: p.handle,
            manage_inventory: true,
            options: { Default: "Default" },
            prices: [{ currency_code: "eur", amount: p.price }],
          },
        ],
      })),
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const skus = result.flatMap((p) => p.variants.map((v) => v.sku as string))
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["id"], filters: { sku: skus } })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: items.map((item: { id: string }) => ({
        location_id: locationId,
        inventory_item_id: item.id,
        stocked_quantity: 1000,
      })),
    },
  })
}

/** Same steps as `medusa user`, but skipped when the user already exists. */
async function ensureAdminUser(container: Container) {
  const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
  const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email })
  if (existing) return { email, password }

  const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) throw new Error(`Could not create the admin login for ${email}: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
  return { email, password }
}
