/**
 * On the Instalments page: under which regime the store's direct plans run (docs/business-rules.md
 * §11): exempt from consumer-credit law (the seller's own short deferral, no fee), or consumer
 * credit under the authorisation the store declares.
 */
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useConsumerCredit } from "../lib/api"
import { useTexts } from "../lib/use-texts"
import { ErrorState, LoadingRows } from "./states"

export function ConsumerCreditPanel() {
  const { t } = useTexts()
  const regime = useConsumerCredit()
  if (regime.isPending) {
    return (
      <Container className="p-0">
        <LoadingRows rows={2} />
      </Container>
    )
  }
  if (regime.isError) {
    return (
      <Container className="p-0">
        <ErrorState error={regime.error} onRetry={() => regime.refetch()} />
      </Container>
    )
  }
  const credit = regime.data.consumer_credit
  const plans = credit.direct_plans.map((code) => t(`planCodes.${code}`)).join(", ")
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="consumer-credit" data-regime={credit.regime}>
      <Heading level="h2">{t("consumerCredit.title")}</Heading>
      <div>
        <Badge color={credit.regime === "exempt" ? "green" : "blue"} data-testid="consumer-credit-regime">
          {t(`consumerCredit.${credit.regime}`, { days: credit.exempt_deferral_days })}
        </Badge>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {t("consumerCredit.size", { size: t(`consumerCredit.sizes.${credit.merchant_size}`) })}
        {" · "}
        {plans ? t("consumerCredit.plans", { plans }) : t("consumerCredit.noPlans")}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("consumerCredit.note")}
      </Text>
    </Container>
  )
}
