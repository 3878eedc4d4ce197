// ESLint for the site's JavaScript, held to the same bar as the Python (ruff): `make lint` runs it.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/**", "node_modules/**", ".venv/**", "test-artifacts/**", ".cache/**", "bench/results/**"] },
  js.configs.recommended,
  {
    // Page scripts: classic scripts, loaded by Material's pages (document$ is Material's observable).
    files: ["overrides/assets/javascripts/**/*.js", "scripts/root/**/*.js", "bench/assets/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { ...globals.browser, document$: "readonly" },
    },
  },
  {
    // The calculator is ES modules: the entry calculator.js and its parts in calculator/.
    files: ["overrides/assets/javascripts/calculator.js", "overrides/assets/javascripts/calculator/**/*.js"],
    languageOptions: { sourceType: "module" },
  },
  {
    // Workers are module scripts.
    files: ["**/*-worker.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.worker } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  {
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
