import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src', import.meta.url));

// The built page lands in dist/assets/ beside the logos, as a ZAF app folder expects:
// dist/assets/index.html loads ./index-<hash>.js and ./index-<hash>.css by relative paths.
export default defineConfig({
  root,
  base: './',
  publicDir: fileURLToPath(new URL('./assets', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/assets', import.meta.url)),
    emptyOutDir: true,
    assetsDir: '.',
    sourcemap: false,
    target: 'es2020',
  },
});
