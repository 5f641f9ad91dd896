// Entry for Node (the "node" export condition): loads the .wasm from disk synchronously at import
// time, so `import { lint } from "doris-lint"` is ready to use. `init()` resolves at once.
import { readFileSync } from "node:fs";
import { initSync } from "./api.js";

initSync(readFileSync(new URL("./doris_lint_bg.wasm", import.meta.url)));

export * from "./api.js";
export { init as default } from "./api.js";
