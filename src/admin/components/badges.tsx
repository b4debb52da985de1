import { StatusBadge } from "@medusajs/ui"
import { useTexts } from "../lib/use-texts"
import type { InstalmentStatus, PlanStatus } from "../lib/types"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const PLAN_COLORS: Record<PlanStatus, Color> = {
  pending_start: "grey",
  active: "blue",
  late: "orange",
  serious_delay: "red",
  frozen: "purple",
  completed: "green",
  cancelled: "grey",
  terminated: "red",
  withdrawn: "grey",
}

const INSTALMENT_COLORS: Record<InstalmentStatus, Color> = {
  scheduled: "grey",
  paid: "green",
  failed: "orange",
  late: "red",
  cancelled: "grey",
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTexts()
  return (
    <StatusBadge color={PLAN_COLORS[status] ?? "grey"} data-plan-status={status}>
      {t(`status.${status}`)}
    </StatusBadge>
  )
}

export function InstalmentStatusBadge({ status }: { status: InstalmentStatus }) {
  const { t } = useTexts()
  return (
    <StatusBadge color={INSTALMENT_COLORS[status] ?? "grey"} data-instalment-status={status}>
      {t(`instalmentStatus.${status}`)}
    </StatusBadge>
  )
}
