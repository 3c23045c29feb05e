import { defineConfig } from 'vite';

// The demo loads the widget exactly as a web team would: from the collector, at
// /widget/vo-feedback.js. That script is left out of the bundle.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: { external: ['/widget/vo-feedback.js'] },
  },
});
