import { defineConfig } from "vitest/config";

// Lets the simulator's suite run on its own: `npx vitest run --config simulator/vitest.config.ts`.
export default defineConfig({
  test: {
    name: "simulator",
    root: import.meta.dirname,
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
