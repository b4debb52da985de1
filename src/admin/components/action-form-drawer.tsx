/**
 * One form in a drawer, for the admin actions that take a few fields (postpone, late fee, freeze,
 * terminate, flag fraud). The drawer is the confirmation: nothing happens until its button is
 * pressed, and a refusal from the server stays on screen with its reason.
 */
import { Alert, Button, Drawer, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage } from "../lib/api"
import { useTexts } from "../lib/use-texts"

export interface FormField {
  name: string
  label: string
  kind: "integer" | "decimal" | "text" | "textarea" | "select"
  min?: number
  max?: number
  required?: boolean
  initial?: string
  options?: { value: string; label: string }[]
}

export interface ActionFormDrawerProps {
  title: string
  description: string
  fields: FormField[]
  submitLabel: string
  danger?: boolean
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Turns the typed values into the request body; called only when they are valid. */
  toBody: (values: Record<string, string>) => Record<string, unknown>
  submit: (body: Record<string, unknown>) => Promise<unknown>
}

/** The first problem with the typed values, or undefined when all are valid. */
export function fieldProblem(field: FormField, value: string): string | undefined {
  const text = value.trim()
  if (text === "") return field.required ? `${field.label}: required` : undefined
  if (field.kind === "integer" || field.kind === "decimal") {
    const pattern = field.kind === "integer" ? /^\d+$/ : /^\d+([.,]\d{1,2})?$/
    if (!pattern.test(text)) return `${field.label}: ${text} is not a number`
    const n = Number(text.replace(",", "."))
    if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
      return `${field.label}: ${text} is outside ${field.min ?? ""}–${field.max ?? ""}`
    }
  }
  return undefined
}

export function ActionFormDrawer(props: ActionFormDrawerProps) {
  const { t } = useTexts()
  const initial = Object.fromEntries(props.fields.map((f) => [f.name, f.initial ?? ""]))
  const [values, setValues] = useState<Record<string, string>>(initial)
  const [problem, setProblem] = useState<string>()
  const [pending, setPending] = useState(false)

  function set(name: string, value: string) {
    setValues((v) => ({ ...v, [name]: value }))
    setProblem(undefined)
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const invalid = props.fields.map((f) => fieldProblem(f, values[f.name] ?? "")).find(Boolean)
    if (invalid) return setProblem(invalid)
    setPending(true)
    try {
      await props.submit(props.toBody(values))
      props.onOpenChange(false)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setPending(false)
    }
  }

  return (
    <Drawer open={props.open} onOpenChange={props.onOpenChange}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{props.title}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              {props.description}
            </Text>
            {props.fields.map((field) => (
              <div key={field.name} className="flex flex-col gap-y-1.5">
                <Label htmlFor={`action-${field.name}`} size="small" weight="plus">
                  {field.label}
                </Label>
                {field.kind === "textarea" ? (
                  <Textarea id={`action-${field.name}`} name={field.name} value={values[field.name]} onChange={(e) => set(field.name, e.target.value)} />
                ) : field.kind === "select" ? (
                  <Select value={values[field.name]} onValueChange={(v) => set(field.name, v)}>
                    <Select.Trigger id={`action-${field.name}`}>
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      {field.options?.map((o) => (
                        <Select.Item key={o.value} value={o.value}>
                          {o.label}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                ) : (
                  <Input
                    id={`action-${field.name}`}
                    name={field.name}
                    inputMode={field.kind === "text" ? "text" : "decimal"}
                    value={values[field.name]}
                    onChange={(e) => set(field.name, e.target.value)}
                  />
                )}
              </div>
            ))}
            {problem && (
              <Alert variant="error" data-testid="action-error">
                {problem}
              </Alert>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("common.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" variant={props.danger ? "danger" : "primary"} isLoading={pending}>
              {props.submitLabel}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
