import type { AreaSet } from '../geo/area.ts';
import { areaCode } from '../ids.ts';
import { normaliseAreaName, unpaddedCode } from './areaNames.ts';

/** How a row's keys found its area. */
export type KeyMatch = { readonly index: number; readonly how: 'code' | 'padded-code' | 'name' };

const AMBIGUOUS = -2;

/** A lookup where a key shared by two areas finds neither. */
function uniqueIndex(keys: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key !== '') index.set(key, index.has(key) ? AMBIGUOUS : i);
  });
  return index;
}

/**
 * Finds an area by a row's code, by the code with leading zeros ignored, then by its normalised
 * name; names or unpadded codes shared by two areas find nothing rather than a guess.
 */
export function buildAreaKeyIndex(areas: AreaSet): (code: string, name: string) => KeyMatch | null {
  const byUnpadded = uniqueIndex(areas.areas.map((a) => unpaddedCode(a.code)));
  const byName = uniqueIndex(areas.areas.map((a) => normaliseAreaName(a.name)));
  return (code, name) => {
    if (code !== '') {
      const exact = areas.indexByCode.get(areaCode(code));
      if (exact !== undefined) return { index: exact, how: 'code' };
      const padded = byUnpadded.get(unpaddedCode(code)) ?? -1;
      if (padded >= 0) return { index: padded, how: 'padded-code' };
    }
    if (name !== '') {
      const named = byName.get(normaliseAreaName(name)) ?? -1;
      if (named >= 0) return { index: named, how: 'name' };
    }
    return null;
  };
}

/** The code lengths the boundaries use, to tell codes of another system (3-digit districts against 5-digit wards). */
export function areaCodeLengths(areas: AreaSet): ReadonlySet<number> {
  return new Set(areas.areas.map((a) => a.code.length));
}
