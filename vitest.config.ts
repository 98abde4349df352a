import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        resolve: {
          alias: {
            "@": import.meta.dirname,
            // Server-only modules are tested directly in Node; the guard only matters in Next.
            "server-only": path.join(import.meta.dirname, "tests/support/empty-module.ts"),
          },
        },
        test: {
          name: "app",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: { "@": import.meta.dirname } },
        test: {
          name: "components",
          include: ["components/**/*.test.tsx"],
          environment: "jsdom",
          testTimeout: 30_000,
        },
      },
      "simulator/vitest.config.ts",
    ],
  },
});
