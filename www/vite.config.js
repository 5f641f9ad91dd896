// Vite 7 build of the playground. `base: './'`: every URL in the build is relative, so the same
// files work at http://127.0.0.1:8080/ (make playground) and under any path of the docs site
// (make playground-dist). Everything is bundled: nothing is fetched from elsewhere at run time.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  resolve: {
    // doris-lint is linked from ../pkg: its imports of @codemirror/* must resolve to the
    // playground's copies (one @codemirror/state, or CodeMirror refuses the extensions).
    dedupe: ["@codemirror/state", "@codemirror/view", "@codemirror/lint", "@codemirror/language"],
  },
  // The linter's Web Worker is an ES module (it imports doris-lint and its .wasm).
  worker: { format: "es" },
  optimizeDeps: { exclude: ["doris-lint"] },
  server: { fs: { allow: [".."] } },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    // Keep the .wasm a separate file (a data: URL would need a looser CSP).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
