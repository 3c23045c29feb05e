import { defineConfig } from 'vite';
import { minifyTemplates } from './minify-templates.ts';

// The widget ships as one ES file with lit-html and the Dutch texts inside, so a host page adds a
// single <script type="module">. The other languages are chunks beside it, which that file imports
// from its own base URL when a page needs one (the size budget counts everything a page loads).
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
      // A chunk's name carries its content hash: a cached vo-feedback.js never gets the texts of
      // another release.
      output: {
        minify: true,
        comments: false,
        chunkFileNames: 'vo-feedback-[name]-[hash].js',
        // V8's explicit compile hint (Chromium 136 and later; other engines read a comment): all
        // the entry's functions, those of later steps too, are compiled as the file loads instead
        // of one at a time at their first call. From the script's arrival to the first render it
        // saved a fourteenth to a seventh here (docs/benchmarks.md). Added after minifying, which
        // would drop it, before any code, where V8 looks for it; a language chunk (data) gets an
        // empty first line instead.
        postBanner: (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
    sourcemap: true,
    emptyOutDir: true,
  },
});
