import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import type { Plugin } from "vite";

// The app freezes Object.prototype (tauri.conf.json: freezePrototype). ECharts' scheduler
// copies every name of a class's prototype onto a plain object, `constructor` included,
// and assigning `constructor` where the frozen prototype has it throws in strict code:
// ECharts then never starts. Skipping that one name changes nothing else it does.
function echartsUnderFrozenPrototype(): Plugin {
  const from = "target[name_1] = noop;";
  return {
    name: "echarts-under-frozen-prototype",
    transform(code, id) {
      if (!id.replaceAll("\\", "/").endsWith("echarts/lib/core/Scheduler.js")) return null;
      if (!code.includes(from)) throw new Error("echarts' Scheduler changed: check the frozen-prototype fix");
      return code.replace(from, "if (name_1 !== 'constructor') target[name_1] = noop;");
    },
  };
}

// The app is served from the Tauri bundle, never from a network: relative paths, no
// inline scripts (the CSP forbids them), one CSS file.
export default defineConfig({
  plugins: [svelte(), echartsUnderFrozenPrototype()],
  base: "./",
  clearScreen: false,
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
  },
});
