import type { Plugin } from 'vite';

/**
 * Content Security Policy of the production build: scripts, workers, fonts and data only from the
 * app's own origin (plus blob:/data: that MapLibre and downloads use). Not applied to the dev
 * server, whose hot reload injects inline scripts.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'", // compiling the bundled WebAssembly that reads merchant lists (no eval of JavaScript)
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: blob: data:", // https: for projects the user opens by URL
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'qr-map-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: POLICY }, injectTo: 'head-prepend' }],
  };
}
