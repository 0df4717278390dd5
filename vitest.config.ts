import {defineConfig} from "vitest/config";

// Unit tests (engine, loaders, CLI) and browser tests that drive the built site in Debian's Chromium; `npm test`
// runs both. Each browser test file opens its own server on a free port and its own Chromium profile, so files run
// two at a time; the files that time the page itself (a cancel within 1 s, no main-thread task over 100 ms, layout
// shift in the first 5 s, the first chart's time) run alone afterwards, so that another file's Chromium never shares
// their cores. Serial, the browser files took ~1,220 s of a ~1,960 s CI run on a slow day (2026-12-07).
const TIMED_BROWSER_FILES = [
  "tests/browser/layout-shift.test.ts",
  "tests/browser/notebook-cells.test.ts",
  "tests/browser/classroom-grading.test.ts",
  "tests/browser/weight.test.ts"
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/browser/**", "node_modules/**"],
          // Vitest's default on two cores is one worker (cores - 1); the files share no state (each makes its
          // own temp folders, servers and caches), and two workers cut the suite's wall time (see above).
          maxWorkers: 2,
          testTimeout: 60_000,
          sequence: {groupOrder: 0}
        }
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          exclude: TIMED_BROWSER_FILES,
          // Two files at a time share the two cores: a test's time may double, hence the longer limits.
          maxWorkers: 2,
          testTimeout: 240_000,
          hookTimeout: 240_000,
          sequence: {groupOrder: 1}
        }
      },
      {
        test: {
          name: "browser-timed",
          include: TIMED_BROWSER_FILES,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: {groupOrder: 2}
        }
      }
    ]
  }
});
