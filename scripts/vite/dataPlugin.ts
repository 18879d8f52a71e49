import { createReadStream, cpSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
};

/** Serves the top-level `data/` folder at `/data/` in development and copies it into the build. */
export function dataPlugin(root: string): Plugin {
  const dataDir = path.join(root, 'data');
  let outDir = path.join(root, 'dist');
  return {
    name: 'qr-map-data',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const relative = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
        const file = path.join(dataDir, path.normalize(relative));
        if (!file.startsWith(dataDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(dataDir, path.join(outDir, 'data'), { recursive: true });
    },
  };
}
