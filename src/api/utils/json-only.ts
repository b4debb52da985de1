/**
 * Middleware: the plugin's admin POST routes take JSON only. A form on another site can POST
 * `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain` without a preflight,
 * with the admin's session cookie where that cookie is not SameSite (security review L5): such a
 * request (a "terminate" with an empty body, say) is refused before it reaches the route.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]

export function refuseFormPosts(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
  if (req.method !== "POST" || !FORM_TYPES.includes(type)) return next()
  res.status(415).json({
    type: "invalid_data",
    code: "json_required",
    message: `This route takes a JSON body (Content-Type: application/json), not ${type}.`,
  })
}
