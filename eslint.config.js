// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "coverage/", "bench/results*.json", "dist/", ".dist.*/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["eslint.config.js"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Store adapters implement an async interface even when, like memory, they need no await.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["src/conversation/**", "src/screens/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["grammy", "grammy/*", "@grammyjs/*", "node:fs", "node:net", "node:http", "pino", "../telegram/*", "../store/*"], message: "conversation/ and screens/ are pure: no grammY, no I/O." }] },
      ],
    },
  },
  {
    files: ["src/evidence/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["grammy", "grammy/*", "@grammyjs/*", "node:fs", "node:net", "node:http", "pino", "../telegram/*", "../store/*"], message: "evidence/ is pure: no grammY, no I/O (streams come in as arguments)." }] },
      ],
    },
  },
  {
    // The terminal playground renders the same report: no Telegram in here.
    files: ["src/report/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["grammy", "grammy/*", "@grammyjs/*", "../telegram/*", "../store/*"], message: "report/ renders without Telegram: no grammY." }] },
      ],
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  {
    // Plain-JavaScript scripts that Node runs as they are (scripts/build.mjs, scripts/launch.mjs).
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", URL: "readonly", Buffer: "readonly", console: "readonly", performance: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Request: "readonly", Response: "readonly", Headers: "readonly" } },
  },
);
