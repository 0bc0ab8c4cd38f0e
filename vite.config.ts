// Vite config: relative asset URLs so the build works from any sub-path of a static host; a service worker for offline use.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Cross-origin isolation lets the page use SharedArrayBuffer (multi-worker training).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [
    react(),
    VitePWA({
      // Our own worker (src/service-worker/sw.ts): it adds the isolation headers to what it serves offline.
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      registerType: 'prompt',
      // src/state/app-update-actions.ts registers it after the first prediction.
      injectRegister: false,
      injectManifest: {
        // The app shell (KaTeX's woff2 fonts for Inspect's maths included) and the default model; the plugin
        // adds the web app manifest and its icons. The MNIST files and their list stay with the app's own cache.
        globPatterns: ['**/*.{html,js,css,wasm,woff2,dlm}'],
        globIgnores: ['data/**'],
      },
      manifest: {
        name: 'Digit Lab',
        short_name: 'Digit Lab',
        description: 'Draw a digit, train a neural network on MNIST in your browser, and look inside it.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f5f6f8',
        theme_color: '#1b1f24',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
