/** Types of free-port.js (CommonJS, shared by the jest specs and the benches). */
export function freePort(): Promise<number>
