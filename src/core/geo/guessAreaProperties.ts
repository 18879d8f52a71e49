import { foldText } from '../merchants/categoryMatcher.ts';
import { ownProperty, type FeatureInput } from './featureInput.ts';

/** The properties chosen for the code and the name, or null when no property fits. */
export interface AreaPropertyGuess {
  readonly codeProperty: string | null;
  readonly nameProperty: string | null;
}

/** Statistics of one property over the features sampled. */
interface PropertyStats {
  readonly key: string;
  present: number;
  readonly distinct: Set<string>;
  digits: number;
  fractional: number;
  withLetter: number;
  vietnamese: number;
  strings: number;
}

/** Properties that usually hold an area's code, best first (compared after folding case, accents, `_`). */
const CODE_NAMES = [
  'ward code', 'ma xa', 'ma phuong', 'ma phuong xa', 'commune code', 'area code', 'ma dvhc', 'madvhc', 'maxa', 'ma',
  'code', 'ma tinh', 'matinh', 'province code', 'ma huyen', 'mahuyen', 'district code', 'market id', 'street id', 'id',
];
/** Properties that usually hold an area's name, best first. */
const NAME_NAMES = [
  'ward name', 'ten xa', 'ten phuong', 'ten phuong xa', 'commune name', 'area name', 'ten dvhc', 'tenxa', 'ten',
  'name', 'ten tinh', 'tentinh', 'province name', 'ten huyen', 'tenhuyen', 'district name', 'full name', 'name vi',
];
/** Technical row numbers of GIS software: unique digits, but never what an official means by the code. */
const ROW_NUMBER_NAMES = new Set(['fid', 'objectid', 'gid', 'ogc fid', 'index', 'stt', 'shape id']);

const fold = (key: string) => foldText(key.replace(/([a-z])([A-Z])/g, '$1 $2'));
const VIETNAMESE_LETTER = /[À-ỹ]/u;
const SAMPLE = 5000;

/** Rank of a folded key in a list of known names: exact match scores highest, then a known word inside it. */
function nameScore(folded: string, known: readonly string[], word: RegExp): number {
  const exact = known.indexOf(folded);
  if (exact >= 0) return 4 - exact / known.length;
  return word.test(folded) ? 2 : 0;
}

/** The key with its level word (ma/ten/code/name) removed, to pair `province_code` with `province_name`. */
const stem = (folded: string) => folded.replace(/\b(ma|ten|code|name|id)\b/g, '').replace(/\s+/g, ' ').trim();

/**
 * Guesses which feature property holds the area code and which the name, for boundary files
 * that come without a project manifest. The code is present on (nearly) every feature, unique,
 * mostly digits and usually named like `ward_code`, `ma_xa`, `MaXa`, `code`; the name is text
 * with letters (Vietnamese ones count extra), mostly unique, named like `ward_name`, `ten`,
 * `Ten_Xa`, `name`, and preferably of the same level as the code (`province_code` →
 * `province_name`). Looks at the first 5,000 features.
 */
export function guessAreaProperties(features: readonly FeatureInput[]): AreaPropertyGuess {
  const sample = features.slice(0, SAMPLE);
  const stats = new Map<string, PropertyStats>();
  for (const feature of sample) {
    const properties = feature.properties;
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) continue;
    for (const key of Object.keys(properties)) {
      const value = ownProperty(properties, key);
      let text: string;
      if (typeof value === 'string') text = value.trim().normalize('NFC');
      else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
      else continue;
      if (text === '') continue;
      let entry = stats.get(key);
      if (!entry) {
        entry = { key, present: 0, distinct: new Set(), digits: 0, fractional: 0, withLetter: 0, vietnamese: 0, strings: 0 };
        stats.set(key, entry);
      }
      entry.present++;
      entry.distinct.add(text);
      if (/^\d+$/.test(text)) entry.digits++;
      if (/^-?\d*\.\d+$/.test(text)) entry.fractional++;
      if (/\p{L}/u.test(text)) entry.withLetter++;
      if (VIETNAMESE_LETTER.test(text)) entry.vietnamese++;
      if (typeof value === 'string') entry.strings++;
    }
  }
  const total = sample.length;
  if (total === 0) return { codeProperty: null, nameProperty: null };

  let code: { key: string; score: number } | null = null;
  for (const s of stats.values()) {
    const folded = fold(s.key);
    // A code must identify every feature: duplicates would make the reader reject features.
    if (s.present < total * 0.9 || s.distinct.size !== s.present || s.fractional > 0) continue;
    const digitShare = s.digits / s.present;
    let score = nameScore(folded, CODE_NAMES, /\b(ma|code|id|maso)\b|code$|^ma/) + 2 * digitShare;
    if (ROW_NUMBER_NAMES.has(folded)) score -= 3;
    if (digitShare < 0.5 && score < 2) continue;
    if (!code || score > code.score) code = { key: s.key, score };
  }

  let name: { key: string; score: number } | null = null;
  const codeStem = code ? stem(fold(code.key)) : '';
  for (const s of stats.values()) {
    if (s.key === code?.key) continue;
    const folded = fold(s.key);
    if (s.present < total * 0.8 || s.withLetter < s.present * 0.9 || s.strings < s.present * 0.9) continue;
    const uniqueShare = s.distinct.size / s.present;
    // Names repeat across provinces ("Xã Tân Lập"), but a property shared by most features is a parent's name.
    if (uniqueShare < 0.8 && total > 1) continue;
    let score = nameScore(folded, NAME_NAMES, /\b(ten|name)\b|name$|^ten/) + uniqueShare + s.vietnamese / s.present;
    if (codeStem !== '' && stem(folded) === codeStem) score += 1;
    if (!name || score > name.score) name = { key: s.key, score };
  }
  return { codeProperty: code?.key ?? null, nameProperty: name?.key ?? null };
}
