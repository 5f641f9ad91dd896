// The linter's thread: doris-lint's WebAssembly runs lint() and parse() here, off the main
// thread, so that typing stays smooth however long the script is. Messages:
//   in:  { id, source, options, parse: boolean }
//   out: { id, diagnostics, statements?, ms } or { id, error }
import { init, lint, parse } from "doris-lint";

const ready = init();

self.onmessage = async (event) => {
  const { id, source, options, parse: wantParse } = event.data;
  try {
    await ready;
    const t0 = performance.now();
    const diagnostics = lint(source, options);
    const ms = performance.now() - t0;
    const statements = wantParse ? parse(source) : undefined;
    self.postMessage({ id, diagnostics, statements, ms });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
