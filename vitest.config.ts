import {defineConfig} from "vitest/config";

// Two projects: fast unit tests (engine, loaders, CLI) and browser tests that drive the built site
// in Debian's Chromium. `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/browser/**", "node_modules/**"],
          testTimeout: 60_000
        }
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
});
