/**
 * integration-tests/restore-in-place.js: before each test, the tables the previous test wrote are put
 * back in place from the snapshot, and the database is then the snapshot's template, table by table
 * and sequence by sequence. Each pair of tests writes in one way (the app's modules, raw SQL, a
 * cascading delete, a sequence, a table the file made before its snapshot), then checks the next
 * restore. A statement other than a select, insert, update or delete makes the next restore a copy,
 * as Medusa's runner makes it.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { shopRunner } from "../../helpers/shared-app"
import { placeOrder, useShop } from "../../helpers/shop"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { restores, differencesFromTemplate, tablesWritten } = require("../../restore-in-place")

shopRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    const shop = useShop(api, getContainer, new Date("2027-01-31T10:00:00Z"))
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const template = () => restores.last.template as string

    // A table this file makes before its snapshot: the snapshot knows it (and the next file's
    // start, whose snapshot has no such table, is a copy).
    beforeAll(async () => {
      await sql().raw(`create table restore_in_place_file (id int primary key)`)
      await sql().raw(`insert into restore_in_place_file values (1)`)
    })

    /** The restore before this test was in place, and left the database equal to the template. */
    async function expectRestoredInPlace() {
      expect(restores.last).toMatchObject({ database: dbConfig.dbName, way: "in place" })
      expect(await differencesFromTemplate(dbConfig.dbName, template())).toEqual([])
    }

    it("reads the tables a statement writes", () => {
      expect(tablesWritten(`insert into "order" ("id") values ($1)`)).toEqual(["order"])
      expect(tablesWritten(`update "public"."cart" set "email" = $1 where "id" = $2`)).toEqual(["cart"])
      expect(tablesWritten(`delete from customer_address where id = 1`)).toEqual(["customer_address"])
      // "do update set": a name that is no table of the database is ignored by the restore.
      expect(tablesWritten(`with claimed as (insert into instalment_sandbox_record (key) values ($1) on conflict (key) do update set key = excluded.key returning key) select 1`)).toEqual(["instalment_sandbox_record", "set"])
      expect(tablesWritten(`select * from "cart" where "updated_at" > now() for update`)).toEqual([])
    })

    it("writes through the app: a checkout (cart, order, payment, plan, sandbox records, sequences)", async () => {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
      expect(order.display_id).toBeGreaterThan(0)
    })

    it("puts those tables back in place, and the order's number back", async () => {
      await expectRestoredInPlace()
      expect((await api.get("/admin/orders", { headers: shop.adminHeaders })).data.orders).toEqual([])
    })

    it("writes through raw SQL: a row changed, a product deleted with what its delete cascades to, a sequence moved", async () => {
      await sql().raw(`update product set title = 'Renamed' where handle = 'desk-lamp'`)
      await sql().raw(`insert into restore_in_place_file values (2)`)
      // Its variants, options and option values go with it (foreign keys "on delete cascade"): no statement names them.
      await sql().raw(`delete from product where handle = 'espresso-machine'`)
      const { rows } = await sql().raw(`select count(*)::int as variants from product_variant v join product p on p.id = v.product_id where p.handle = 'espresso-machine'`)
      expect(rows).toEqual([{ variants: 0 }])
      await sql().raw(`select nextval('order_display_id_seq')`)
    })

    it("puts the rows back, those of the cascade too, and the sequence", async () => {
      await expectRestoredInPlace()
      const titles = await getContainer().resolve(Modules.PRODUCT).listProducts({ handle: ["desk-lamp", "espresso-machine"] }, { relations: ["variants"] })
      expect(titles.map((p: any) => [p.title, p.variants.length]).sort()).toEqual([["Desk lamp", 1], ["Espresso machine", 1]])
      expect((await sql().raw(`select id from restore_in_place_file`)).rows).toEqual([{ id: 1 }])
    })

    it("changes the schema (a table of its own)", async () => {
      await sql().raw(`create table restore_in_place_check (id int)`)
    })

    it("then is copied again, as Medusa's runner does: the table is gone", async () => {
      expect(restores.last).toMatchObject({ way: "copy", reason: expect.stringContaining("create table restore_in_place_check") })
      const { rows } = await sql().raw(`select to_regclass('restore_in_place_check') as found`)
      expect(rows).toEqual([{ found: null }])
    })
  },
})
