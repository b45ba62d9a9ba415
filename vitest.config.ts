import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts a throwaway redis-server when none answers (see the file for why).
    globalSetup: ["test/support/global-redis.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e tests start processes; keep the 2-core machine from oversubscribing.
    maxWorkers: 2,
  },
});
