import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function decodePng(buffer: Buffer): Pixels {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour a fill of `opacity` over `under` shows on screen. */
export function blend(over: Rgb, under: Rgb, opacity: number): Rgb {
  return [0, 1, 2].map((i) => Math.round((over[i] ?? 0) * opacity + (under[i] ?? 0) * (1 - opacity))) as unknown as Rgb;
}

/** How many pixels lie within `tolerance` (per channel) of each colour. */
export function countNear(pixels: Pixels, colors: readonly Rgb[], tolerance = 6): number[] {
  const counts = colors.map(() => 0);
  const { data } = pixels;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0, g = data[i + 1] ?? 0, b = data[i + 2] ?? 0;
    colors.forEach((c, k) => {
      if (Math.abs(r - c[0]) <= tolerance && Math.abs(g - c[1]) <= tolerance && Math.abs(b - c[2]) <= tolerance) counts[k]!++;
    });
  }
  return counts;
}

/** Share of pixels whose colour differs by more than `threshold` on some channel. */
export function changedShare(a: Pixels, b: Pixels, threshold = 24): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('Screenshots differ in size');
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > threshold) {
        changed++;
        break;
      }
    }
  }
  return changed / (a.width * a.height);
}

/** Pixels of anti-aliased text: colours between `ink` and `paper`, at most `maxShare` of the way to the paper. */
export function countInk(pixels: Pixels, ink: Rgb, paper: Rgb, maxShare = 0.6, tolerance = 10): number {
  let count = 0;
  const { data } = pixels;
  for (let i = 0; i < data.length; i += 4) {
    const t = ((data[i] ?? 0) - ink[0]) / (paper[0] - ink[0]);
    if (t < 0 || t > maxShare) continue;
    let near = true;
    for (let c = 0; c < 3 && near; c++) {
      const expected = (ink[c] ?? 0) + t * ((paper[c] ?? 0) - (ink[c] ?? 0));
      near = Math.abs((data[i + c] ?? 0) - expected) <= tolerance;
    }
    if (near) count++;
  }
  return count;
}
