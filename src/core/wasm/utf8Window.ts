import { UTF8_WASM } from './utf8Wasm.ts';
import { wasmModule } from './wasmModule.ts';

/** Bytes checked per call: the window is copied to the module's memory. */
const WINDOW = 1 << 18;

type EndFunction = (length: number, open: number) => number;

/** The window and the module's function, made once per thread; null where WebAssembly cannot run. */
let validator: { readonly window: Uint8Array; readonly end: EndFunction } | null | undefined;

function theValidator(): typeof validator {
  if (validator === undefined) {
    validator = null;
    const module = wasmModule(UTF8_WASM);
    if (module !== null) {
      try {
        const memory = new WebAssembly.Memory({ initial: Math.ceil((WINDOW + 16) / 65536) });
        const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as { end: EndFunction };
        validator = { window: new Uint8Array(memory.buffer, 0, WINDOW), end: exports.end };
      } catch {
        validator = null;
      }
    }
  }
  return validator;
}

/**
 * `validUtf8End` (utf8.ts) in WebAssembly (`utf8.wat`: sixteen ASCII bytes at a time), window by
 * window; null where WebAssembly cannot run. A character cut by a window's end is read again at
 * the start of the next. (`window` is for tests: small windows cut characters more often.)
 */
export function wasmUtf8End(bytes: Uint8Array, start: number, open: boolean, window = WINDOW): number | null {
  const validator = theValidator();
  if (!validator) return null;
  const size = Math.max(4, Math.min(window, WINDOW));
  const n = bytes.length;
  let at = start;
  while (at < n) {
    const length = Math.min(size, n - at);
    const last = at + length === n;
    validator.window.set(bytes.subarray(at, at + length));
    const end = validator.end(length, last && !open ? 0 : 1);
    if (end < 0) return -1;
    if (last) return at + end;
    at += end;
  }
  return n;
}
