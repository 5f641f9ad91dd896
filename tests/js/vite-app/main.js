// A browser app using the package through a bundler (built by bundle.test.mjs with Vite).
import init, { lint, version } from "doris-lint";

globalThis.__dorisLintResult = (async () => {
  let before = "";
  try {
    lint("# x");
  } catch (e) {
    before = e.message;
  }
  await init();
  const diagnostics = lint("ALTER SYSTEM ADD BACKEND 10.0.0.1:9050; # x");
  const out = document.getElementById("out");
  if (out) out.textContent = JSON.stringify(diagnostics, null, 2);
  return { before, version: version(), codes: diagnostics.map((d) => d.code) };
})();
