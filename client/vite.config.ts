import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The dev server forwards API calls to the Express server so that the session cookie stays same-origin. The Host
// header is kept (Vite's shorthand would rewrite it) because the server refuses a POST whose Origin is another host.
const api = { target: `http://localhost:${process.env.API_PORT ?? '3000'}`, changeOrigin: false };

const config = {
  root: import.meta.dirname,
  plugins: [
    react(),
    // Every text asset is written beside itself as .br and .gz at build time, so the server sends a compressed file
    // without compressing per request (decision record 023). Originals stay for clients that accept neither.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|svg|json|txt)$/,
      threshold: 1024,
    }),
  ],
  server: {
    proxy: {
      '/trpc': api,
      '/healthz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // A build is always the production build. Vite would otherwise honour a NODE_ENV the caller's shell happens to
  // carry (a CI machine with NODE_ENV=development did): React's development build then ships, 45 kB larger on the
  // wire, and the first page breaks its budget (tests/e2e/first-page.spec.ts). Set before Vite reads it.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
