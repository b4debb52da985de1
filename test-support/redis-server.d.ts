/** Types of redis-server.js (CommonJS, shared by the jest specs and the benches). */
export function findRedisServer(env?: NodeJS.ProcessEnv): string | undefined
export function ensureRedisServer(log?: (line: string) => void): string
export function startRedis(options?: { log?: (line: string) => void; timeoutMs?: number }): Promise<{ url: string; port: number; pid: number; stop: () => Promise<void> }>
export function redisKeys(port: number, pattern: string): Promise<string[]>
