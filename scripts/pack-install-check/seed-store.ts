/**
 * The seed of the throw-away store that `npm run check:install` builds (scripts/pack-install-check.mjs
 * copies it into the store as src/scripts/seed-store.ts and runs it with `medusa exec`).
 * What a store owner sets up by hand in the admin before a first order: EUR as the store currency,
 * a sales channel with a publishable key, a region with the plugin's payment provider enabled (the
 * README's "enable pp_instalments_instalments on your regions"), a warehouse with stock, a shipping
 * option and one product. Writes what the check needs to $CHECK_SUMMARY_FILE.
 * Runs once on an empty database: unlike demo/seed.ts it looks nothing up first.
 */
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

const COUNTRIES = ["fr", "be", "es", "de", "it"]
const PROVIDERS = ["pp_system_default", "pp_instalments_instalments"]
const PRODUCT = { title: "Office chair", handle: "office-chair", price: 249 }

type Container = ExecArgs["container"]

export default async function seedStore({ container }: ExecArgs) {
  const salesChannel = await defaultSalesChannel(container)
  const [store] = await container.resolve(Modules.STORE).listStores()
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { supported_currencies: [{ currency_code: "eur", is_default: true }] } },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [salesChannel.id] } })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Europe", currency_code: "eur", countries: COUNTRIES, payment_providers: PROVIDERS }] },
  })
  const locationId = await warehouse(container, salesChannel.id)
  const profileId = await shipping(container, locationId, regions[0].id)
  await product(container, salesChannel.id, locationId, profileId)

  const summary = { publishable_key: keys[0].token, region_id: regions[0].id, product_handle: PRODUCT.handle }
  if (process.env.CHECK_SUMMARY_FILE) fs.writeFileSync(process.env.CHECK_SUMMARY_FILE, JSON.stringify(summary))
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`check store seeded: region ${summary.region_id}`)
}

/** Medusa creates "Default Sales Channel" when the app first loads; made here if it did not. */
async function defaultSalesChannel(container: Container) {
  const [existing] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Default Sales Channel" })
  if (existing) return existing
  const { result } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Default Sales Channel" }] } })
  return result[0]
}

async function warehouse(container: Container, salesChannelId: string): Promise<string> {
  const { result } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Warehouse", address: { address_1: "1 rue de Rivoli", city: "Paris", postal_code: "75001", country_code: "fr" } }] },
  })
  const locationId = result[0].id
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  // Without this link the Store API lists no shipping option.
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: locationId, add: [salesChannelId] } })
  return locationId
}

/** A flat 5.90 € "Standard" option for the region's countries; answers the shipping profile. */
async function shipping(container: Container, locationId: string, regionId: string): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default Shipping Profile", type: "default" }] } })
    profile = result[0]
  }
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Europe delivery",
    type: "shipping",
    service_zones: [{ name: "Europe", geo_zones: COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })) }],
  })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
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
        type: { label: "Standard", description: "2 to 4 working days", code: "standard" },
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
  return profile.id
}

async function product(container: Container, salesChannelId: string, locationId: string, profileId: string) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: PRODUCT.title,
          handle: PRODUCT.handle,
          status: "published" as const,
          shipping_profile_id: profileId,
          sales_channels: [{ id: salesChannelId }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            { title: "Default", sku: PRODUCT.handle, manage_inventory: true, options: { Default: "Default" }, prices: [{ currency_code: "eur", amount: PRODUCT.price }] },
          ],
        },
      ],
    },
  })
  const { data: items } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inventory_item",
    fields: ["id"],
    filters: { sku: result[0].variants.map((v) => v.sku as string) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: items.map((item: { id: string }) => ({ location_id: locationId, inventory_item_id: item.id, stocked_quantity: 100 })) },
  })
}
