/// <reference types="vite/client" />
// Medusa's admin bundler defines this global; in a plugin use it instead of import.meta.env.
declare const __BACKEND_URL__: string | undefined
