/**
 * Reads the recipe out of docs/storefront-recipe.md's "Add instalments to Medusa's storefront" section, so that
 * the verification applies what a store owner reads and fails when the two drift apart:
 *  - a fenced block right after a line naming **`apps/storefront/…`** and ending with ":" is that
 *    file, whole (the .env.local among them);
 *  - a ```diff block is a change to the starter's files, applied with `git apply`.
 */
export const RECIPE_HEADING = "## Add instalments to Medusa's storefront"

function sectionOf(readme) {
  const start = readme.indexOf(`${RECIPE_HEADING}\n`)
  if (start < 0) throw new Error(`docs/storefront-recipe.md has no "${RECIPE_HEADING}" section`)
  const rest = readme.slice(start + RECIPE_HEADING.length)
  const end = rest.search(/^## /m)
  return end < 0 ? rest : rest.slice(0, end)
}

export function recipeOf(readme) {
  const lines = sectionOf(readme).split("\n")
  const files = []
  const diffs = []
  let env = null
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)/.exec(lines[i])
    if (!fence) continue
    const close = lines.indexOf("```", i + 1)
    if (close < 0) throw new Error(`An unclosed code block in the recipe, line ${i + 1} of the section`)
    const text = `${lines.slice(i + 1, close).join("\n")}\n`
    let before = i - 1
    while (before >= 0 && lines[before].trim() === "") before--
    const named = /\*\*`(apps\/storefront\/[^`]+)`\*\*.*:$/.exec(lines[before] ?? "")
    if (fence[1] === "diff") diffs.push(text)
    else if (named && named[1].endsWith(".env.local")) env = text
    else if (named) files.push({ path: named[1], text })
    i = close
  }
  if (!env) throw new Error("The recipe names no apps/storefront/.env.local")
  return { files, diffs, env }
}
