// Entry for browsers and bundlers (Vite, webpack, esbuild, Rollup) and for a plain
// <script type="module">: `await init()` once, then call the functions.
export * from "./api.js";
export { init as default } from "./api.js";
