import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspPlugin } from './scripts/vite/cspPlugin.ts';
import { dataPlugin } from './scripts/vite/dataPlugin.ts';
import { landPlugin } from './scripts/vite/landPlugin.ts';

export default defineConfig({
  // Relative asset URLs, so the built app works from any folder of any static web server.
  base: './',
  plugins: [react(), landPlugin(), dataPlugin(import.meta.dirname), cspPlugin()],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
