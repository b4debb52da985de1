/**
 * Benchmark (not a test): how many plan quotes per second `quoteAll` computes for one amount.
 *
 *   npm run bench:quote            (node -r @swc-node/register bench/quote.bench.ts)
 *   BENCH_ROUNDS=15 BENCH_ROUND_MS=300 npm run bench:quote
 *
 * Reports the median of several timed rounds, and, measured in the same run on the same machine,
 * two baselines: building the same number of plain objects (five quotes with their instalments,
 * values precomputed), and the five `splitEvenly` calls alone. The ratios say what the engine
 * costs over bare allocation and over its core arithmetic, whatever the machine.
 */
import { defaultEngineConfig, money, quoteAll, splitEvenly, type Quote } from "../src/domain"

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 200)

const config = defaultEngineConfig()
const amount = money(25490, "eur") // 254.90 €
const input = { config, amount, country: "fr", today: "2025-01-31" }

let sink = 0 // keeps the work observable so the JIT cannot drop it

function engine(iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const quotes: Quote[] = quoteAll(input)
    sink += quotes.length + quotes[0].instalments.length
  }
}

/** The same number and shape of objects as quoteAll returns, without any computation. */
const sample = quoteAll(input)
function baseline(iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const quotes = sample.map((q) => ({
      plan: q.plan,
      currency: q.currency,
      quotedOn: q.quotedOn,
      total: { currency: q.total.currency, cents: q.total.cents },
      customerFeeTotal: { currency: q.currency, cents: q.customerFeeTotal.cents },
      totalWithFees: { currency: q.currency, cents: q.totalWithFees.cents },
      credit: { currency: q.currency, cents: q.credit.cents },
      instalments: q.instalments.map((x) => ({
        number: x.number,
        dueDate: x.dueDate,
        amount: { currency: q.currency, cents: x.amount.cents },
        customerFee: { currency: q.currency, cents: x.customerFee.cents },
      })),
      eligibility: { eligible: true },
      maxPostponements: q.maxPostponements,
    }))
    sink += quotes.length + quotes[0].instalments.length
  }
}

/** Only the money split of the five plans (2, 3, 4, 1, 1 parts). */
function splitsOnly(iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    for (const n of [2, 3, 4, 1, 1]) sink += splitEvenly(amount, n).length
  }
}

/** Iterations that take about ROUND_MS. */
function calibrate(fn: (n: number) => void): number {
  let n = 100
  for (;;) {
    const t = process.hrtime.bigint()
    fn(n)
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    if (ms > ROUND_MS / 4) return Math.max(1, Math.round((n * ROUND_MS) / ms))
    n *= 4
  }
}

/** Median calls per second over ROUNDS rounds. */
function measure(fn: (n: number) => void): number {
  fn(calibrate(fn)) // warm-up round
  const n = calibrate(fn)
  const rates: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const t = process.hrtime.bigint()
    fn(n)
    const seconds = Number(process.hrtime.bigint() - t) / 1e9
    rates.push(n / seconds)
  }
  rates.sort((a, b) => a - b)
  return rates[Math.floor(rates.length / 2)]
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US")

const engineRate = measure(engine)
const baselineRate = measure(baseline)
const splitRate = measure(splitsOnly)
const plans = sample.length

console.log(`quoteAll(254.90 €, ${plans} plans), median of ${ROUNDS} rounds of ~${ROUND_MS} ms, node ${process.version}`)
console.log(`  engine:   ${fmt(engineRate)} quoteAll/s = ${fmt(engineRate * plans)} plan quotes/s (${(1e6 / engineRate).toFixed(2)} µs per quoteAll)`)
console.log(`  baseline: ${fmt(baselineRate)} /s building the same objects, precomputed (${(1e6 / baselineRate).toFixed(2)} µs)`)
console.log(`  splits:   ${fmt(splitRate)} /s splitEvenly for the 5 plans alone (${(1e6 / splitRate).toFixed(2)} µs)`)
console.log(`  ratio:    engine is ${(baselineRate / engineRate).toFixed(1)}× the baseline's time, ${(splitRate / engineRate).toFixed(1)}× the splits'`)
if (sink === -1) console.log("") // never true; uses the sink
