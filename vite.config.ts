import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { ocmExplorerServer } from './server/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), ocmExplorerServer()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    // Monaco is one ~4 MB lazy chunk by design; the initial bundle is budgeted by `npm run bench`.
    chunkSizeWarningLimit: 5000,
  },
});
