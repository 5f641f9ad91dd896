// "node" condition of doris-lint/monaco: the WebAssembly is loaded from disk by ./node.js.
import "./node.js";
export * from "./monaco.js";
