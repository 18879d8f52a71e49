import { preview, type PreviewServer } from 'vite';

/** Serves the production build (`dist/`) on a free localhost port. */
export async function startPreviewServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root: process.cwd(),
    logLevel: 'error',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
