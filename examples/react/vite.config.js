import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // The dev server's dependency pre-bundling would move brief_card.js away
  // from the .wasm it loads (new URL("brief_card_bg.wasm", import.meta.url));
  // `vite build` needs nothing special.
  optimizeDeps: { exclude: ["brief-card"] },
});
