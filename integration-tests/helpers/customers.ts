/**
 * A registered customer for integration tests: registered and logged in through Medusa's auth
 * routes (email and password), as a storefront does it. Their session is the bearer header.
 */
type Api = { post: (url: string, body?: any, config?: any) => Promise<any> }

/** Registers `email` as a customer and logs them in: the authorization header of their session. */
export async function registeredCustomer(api: Api, storeHeaders: Record<string, string>, email: string): Promise<Record<string, string>> {
  const password = "secret-Passw0rd"
  const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post("/store/customers", { email, first_name: "Léa" }, { headers: { ...storeHeaders, authorization: `Bearer ${registered.token}` } })
  const { data } = await api.post("/auth/customer/emailpass", { email, password })
  return { authorization: `Bearer ${data.token}` }
}
