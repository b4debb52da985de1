/** Loading, error and empty states, shaped like those of Medusa's own pages. */
import { ExclamationCircle } from "@medusajs/icons"
import { Button, Skeleton, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/api"
import { useTexts } from "../lib/use-texts"

export function LoadingRows({ rows = 3 }: { rows?: number }) {
  const { t } = useTexts()
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true" aria-label={t("common.loading")}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-7 w-full" />
      ))}
    </div>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTexts()
  return (
    <div role="alert" className="flex flex-col items-center gap-y-3 px-6 py-8 text-center">
      <ExclamationCircle className="text-ui-fg-error" />
      <Text size="small" className="text-ui-fg-subtle">
        {t("common.loadError", { message: errorMessage(error) })}
      </Text>
      {onRetry && (
        <Button size="small" variant="secondary" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      )}
    </div>
  )
}

export function EmptyState({ message }: { message: string }) {
  return (
    <div className="flex flex-col items-center px-6 py-10 text-center" data-testid="empty-state">
      <Text size="small" className="text-ui-fg-muted">
        {message}
      </Text>
    </div>
  )
}
