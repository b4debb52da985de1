/**
 * The layering the README promises, checked on every import of every .ts/.tsx file under src
 * (parsed with the TypeScript compiler, type-only imports included):
 *
 *  - folders depend on each other one way: no cycle between folders. A folder is the first path
 *    segment under src (src/api, src/self-service, src/domain...), or the first two under
 *    src/modules, src/providers and src/lenders, which hold independent units
 *    (src/modules/instalments, src/providers/alma...);
 *  - src/domain is pure: it imports nothing outside src/domain and no Medusa package, and reads
 *    no clock (no `new Date()`, no `Date.now()`);
 *  - what Medusa loads by its place (route.ts and middlewares.ts under src/api, every file of
 *    src/jobs and src/subscribers) is imported by nothing: a helper two entry points share lives
 *    beside them under another name (src/api/utils) or in a folder Medusa does not load;
 *  - no source file outside src/domain/texts (the message catalogues) is over 400 lines.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import * as ts from "typescript"

const SRC = resolve(__dirname)
const MAX_LINES = 400
/** Folders whose subfolders are independent units, each a folder of its own. */
const CONTAINERS = ["modules", "providers", "lenders"]

interface Import {
  /** Path under src, with forward slashes. */
  readonly from: string
  readonly specifier: string
  /** The imported file under src, or null for a package or a file outside src. */
  readonly to: string | null
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const underSrc = (path: string) => relative(SRC, path).split(sep).join("/")

/** The file a relative specifier names, as TypeScript resolves it (extension or index added). */
function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx"), base.replace(/\.js$/, ".ts")]
  return candidates.find((path) => {
    try {
      return statSync(path).isFile()
    } catch {
      return false
    }
  }) ?? null
}

/** Every module specifier a file names: imports, re-exports, `import("…")`, `require("…")`. */
function specifiersOf(path: string): string[] {
  const text = readFileSync(path, "utf8")
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text)
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments
      const callee = node.expression
      const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")
      if (loads && first && ts.isStringLiteral(first)) found.push(first.text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

function importsOf(path: string): Import[] {
  return specifiersOf(path).map((specifier) => {
    const target = specifier.startsWith(".") ? resolveRelative(path, specifier) : null
    const to = target && !relative(SRC, target).startsWith("..") ? underSrc(target) : null
    return { from: underSrc(path), specifier, to }
  })
}

/** The folder a file under src belongs to (see the file comment); "src" for a file at the top. */
export function folderOf(path: string): string {
  const parts = path.split("/")
  if (parts.length === 1) return "src"
  if (CONTAINERS.includes(parts[0]) && parts.length > 2) return `src/${parts[0]}/${parts[1]}`
  return `src/${parts[0]}`
}

/** The cycles among folders: each strongly connected group of two or more, as one path through it. */
export function folderCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm: every group of folders that reach each other is one component.
  let index = 0
  const indices = new Map<string, number>()
  const lowlinks = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const connect = (node: string) => {
    indices.set(node, index)
    lowlinks.set(node, index++)
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next)
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!))
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!))
      }
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) components.push(component)
    }
  }
  for (const node of [...edges.keys()].sort()) if (!indices.has(node)) connect(node)
  return components.map((component) => cycleThrough(component, edges))
}

/** One cycle inside a strongly connected group: from its first folder, back to it (breadth first). */
function cycleThrough(component: string[], edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const members = new Set(component)
  const start = [...component].sort()[0]
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (!members.has(next)) continue
      if (next === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(previous.get(path[0])!)
        return [...path, start]
      }
      if (!previous.has(next)) {
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  return [start]
}

/** Lines as `wc -l` counts them, plus a last line without its newline. */
function lineCount(text: string): number {
  const newlines = text.split("\n").length - 1
  return text.endsWith("\n") || text === "" ? newlines : newlines + 1
}

const files = sourceFiles(SRC)
const imports = files.flatMap(importsOf)
const local = imports.filter((i): i is Import & { to: string } => i.to !== null)

describe("the folders under src", () => {
  it("depend on each other one way (no cycle between folders)", () => {
    const edges = new Map<string, Set<string>>()
    const example = new Map<string, Import>()
    for (const i of local) {
      const from = folderOf(i.from)
      const to = folderOf(i.to)
      if (from === to) continue
      if (!edges.has(from)) edges.set(from, new Set())
      edges.get(from)!.add(to)
      if (!example.has(`${from} -> ${to}`)) example.set(`${from} -> ${to}`, i)
    }
    const described = folderCycles(edges).map((cycle) =>
      cycle
        .slice(1)
        .map((to, n) => {
          const i = example.get(`${cycle[n]} -> ${to}`)!
          return `${cycle[n]} -> ${to} (src/${i.from} imports "${i.specifier}")`
        })
        .join("\n  "),
    )
    expect(described).toEqual([])
  })

  it("keep src/domain pure: nothing from outside src/domain, no Medusa package", () => {
    const impure = imports
      .filter((i) => i.from.startsWith("domain/"))
      .filter((i) => (i.specifier.startsWith(".") ? i.to === null || !i.to.startsWith("domain/") : i.specifier.startsWith("@medusajs/")))
      .map((i) => `src/${i.from} imports "${i.specifier}"`)
    expect(impure).toEqual([])
  })

  it("keep src/domain off the clock: its functions take the day they work on (a test clock, a quote's day)", () => {
    const clockReads = files
      .filter((path) => underSrc(path).startsWith("domain/") && !path.endsWith(".test.ts"))
      .flatMap((path) =>
        readFileSync(path, "utf8")
          .split("\n")
          .map((line, n) => ({ line, n }))
          .filter(({ line }) => /new Date\(\)|Date\.now\(\)/.test(line))
          .map(({ line, n }) => `src/${underSrc(path)}:${n + 1}: ${line.trim()}`),
      )
    expect(clockReads).toEqual([])
  })

  it("never import what Medusa loads by its place (routes, middlewares, jobs, subscribers)", () => {
    const loadedByMedusa = (path: string) =>
      (path.startsWith("api/") && /(^|\/)(route|middlewares)\.tsx?$/.test(path)) || path.startsWith("jobs/") || path.startsWith("subscribers/")
    const offenders = local.filter((i) => loadedByMedusa(i.to)).map((i) => `src/${i.from} imports "${i.specifier}"`)
    expect(offenders).toEqual([])
  })

  it(`hold no source file over ${MAX_LINES} lines, outside src/domain/texts`, () => {
    const long = files
      .map((path) => ({ path: underSrc(path), lines: lineCount(readFileSync(path, "utf8")) }))
      .filter((f) => f.lines > MAX_LINES && !f.path.startsWith("domain/texts/"))
      .map((f) => `src/${f.path}: ${f.lines} lines`)
    expect(long).toEqual([])
  })
})

describe("the folder check itself", () => {
  it("names folders by their first segment, or two under modules, providers and lenders", () => {
    expect(folderOf("api/admin/instalment-plans/route.ts")).toBe("src/api")
    expect(folderOf("modules/instalments/checkout/open.ts")).toBe("src/modules/instalments")
    expect(folderOf("providers/boundary.ts")).toBe("src/providers")
    expect(folderOf("self-service/access.ts")).toBe("src/self-service")
    expect(folderOf("architecture.test.ts")).toBe("src")
  })

  it("finds a cycle and shows it as a path", () => {
    const edges = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a", "d"])],
      ["d", new Set<string>()],
    ])
    expect(folderCycles(edges)).toEqual([["a", "b", "c", "a"]])
    expect(folderCycles(new Map([["a", new Set(["b"])], ["b", new Set<string>()]]))).toEqual([])
  })
})
