import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [
    vue({
      // <brief-card> is a custom element: Vue renders it as it is instead of
      // looking for a component of that name (and warning that there is none).
      template: { compilerOptions: { isCustomElement: (tag) => tag === "brief-card" } },
    }),
  ],
  // The dev server's dependency pre-bundling would move brief_card.js away
  // from the .wasm it loads (new URL("brief_card_bg.wasm", import.meta.url));
  // `vite build` needs nothing special.
  optimizeDeps: { exclude: ["brief-card"] },
});
