import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Resolved from this file rather than the working directory, so `vite build` works from anywhere.
const webRoot = fileURLToPath(new URL("./web", import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    // Relative to `root`: lands in <repo>/dist/web, which the Fastify server serves.
    outDir: "../dist/web",
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change less often than our code: separate files stay cached across releases.
        manualChunks(id) {
          if (!id.includes("node_modules")) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return "react";
          if (/node_modules\/(@mantine|@floating-ui|react-remove-scroll|react-number-format|react-style-singleton|use-callback-ref|use-sidecar|get-nonce|detect-node-es|tslib|clsx|aria-hidden)/.test(id)) return "mantine";
          return "vendor";
        },
      },
      onwarn(warning, warn) {
        // zod 4 ships comments Rollup cannot place; it drops them harmlessly, the warning is noise.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // Same-origin /api in development too, so cookies and the CSRF token behave as in production.
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
});
