import { defineConfig } from 'vite';

// The collector serves the built files at /dashboard/ under a strict Content-Security-Policy
// (script-src and style-src 'self'): everything is an external file, nothing is inlined.
export default defineConfig({
  base: '/dashboard/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be bundled, not inlined, but modern browsers do not need it.
    modulePreload: { polyfill: false },
    // Never inline assets as data: or inline style; each stays a file under 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
