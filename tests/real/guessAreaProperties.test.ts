import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/core/geo/featureInput.ts';
import { guessAreaProperties } from '../../src/core/geo/guessAreaProperties.ts';
import { decodeText } from '../../src/core/text/decodeText.ts';

/** Real Vietnamese boundaries kept beside the repository (never copied into it). */
const REAL = path.resolve('../shared/data/real');
if (!existsSync(REAL)) throw new Error(`Real boundary data not found at ${REAL}`);

function guessFor(file: string) {
  const decoded = decodeText(readFileSync(path.join(REAL, file)));
  expect(decoded.encoding).toBe('utf-8');
  expect(decoded.notices.filter((n) => n.kind === 'legacy-vietnamese-encoding')).toEqual([]);
  return guessAreaProperties(featuresOf(JSON.parse(decoded.text), 'areas').features);
}

describe('guessing code and name properties on real boundary files', () => {
  it.each(['danang-wards-2025.geojson', 'danang-wards-2025.simplified.geojson'])('%s: ward_code / ward_name', (file) => {
    expect(guessFor(file)).toEqual({ codeProperty: 'ward_code', nameProperty: 'ward_name' });
  });

  it.each(['vietnam-provinces-2025.geojson', 'vietnam-provinces-2025.simplified.geojson'])('%s: province_code / province_name', (file) => {
    expect(guessFor(file)).toEqual({ codeProperty: 'province_code', nameProperty: 'province_name' });
  });

  it('danang-districts-legacy.geojson: district_code / district_name', () => {
    expect(guessFor('danang-districts-legacy.geojson')).toEqual({ codeProperty: 'district_code', nameProperty: 'district_name' });
  });
});
