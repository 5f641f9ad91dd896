// "node" condition of doris-lint/codemirror (tests under jsdom, SSR): the WebAssembly is loaded
// from disk by ./node.js before the adapter runs.
import "./node.js";
export * from "./codemirror.js";
