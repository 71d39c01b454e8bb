import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  // The dev server's dependency pre-bundling would move brief_card.js away
  // from the .wasm it loads (new URL("brief_card_bg.wasm", import.meta.url));
  // `vite build` needs nothing special.
  optimizeDeps: { exclude: ["brief-card"] },
});
