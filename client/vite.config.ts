import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards API calls to the Express server so that the session cookie stays same-origin. The Host
// header is kept (Vite's shorthand would rewrite it) because the server refuses a POST whose Origin is another host.
const api = { target: `http://localhost:${process.env.API_PORT ?? '3000'}`, changeOrigin: false };

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
});
