/**
 * The plugin's admin texts, merged by Medusa's dashboard into its own translations (default
 * namespace, under the `instalments` key), so they follow the language the admin chose in their
 * profile. Languages without texts here fall back to English, as the dashboard does.
 */
import { en } from "./en"
import { fr } from "./fr"

export default {
  en: { translation: { instalments: en } },
  fr: { translation: { instalments: fr } },
}
