import { useTranslation } from "react-i18next"

/**
 * The plugin's texts in the admin's language: `t("widget.title")` reads
 * `instalments.widget.title` from the dashboard's translations (see ../i18n), and `locale` is the
 * language for number and date formats.
 */
export function useTexts() {
  const { t, i18n } = useTranslation()
  return {
    t: (key: string, values?: Record<string, unknown>) => String(t(`instalments.${key}`, values as never)),
    locale: i18n.language || "en",
  }
}
