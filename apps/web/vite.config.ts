// Vite build and dev server for the web app; in dev, /api is proxied to the Guanxi server (GUANXI_API or port 3000).
import { defineConfig } from 'vite';

export default defineConfig({
  // No React plugin: esbuild compiles JSX with the automatic runtime, which is all the app needs.
  esbuild: { jsx: 'automatic' },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.GUANXI_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    // GUANXI_WEB_OUT lets two e2e runs in one checkout build side by side.
    outDir: process.env.GUANXI_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd's modules start with "use client", which means nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // Vendor code changes less often than ours: separate chunks stay cached across releases.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router', '@tanstack/react-query', 'i18next', 'react-i18next'],
          antd: ['antd'],
        },
      },
    },
  },
});
