import { defineConfig } from 'vite';
import { minifyTemplates } from './minify-templates.ts';

// The widget ships as one ES file with Lit inside, so a host page adds a single <script> and
// loads nothing else (the size budget counts everything it loads).
export default defineConfig({
  plugins: [minifyTemplates()],
  build: {
    target: 'es2022',
    lib: {
      entry: 'src/vo-feedback/vo-feedback.ts',
      formats: ['es'],
      fileName: () => 'vo-feedback.js',
    },
    // ES library output ignores build.minify; the output option is what minifies it.
    // No comments: pure annotations would only help a bundler, and Lit's licence notice is in the
    // README (as with any minified bundle).
    rolldownOptions: {
      output: { minify: true, comments: false },
    },
    sourcemap: true,
    emptyOutDir: true,
  },
});
