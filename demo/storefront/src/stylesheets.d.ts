// The stylesheets main.tsx imports for their effect: build.ts's esbuild bundles them into the page's CSS.
declare module "*.css"
