/**
 * Turns the bytes of a file chosen by a user into text: UTF-8 (with or without BOM), UTF-16 by
 * its BOM, and otherwise Windows-1258, the code page Excel's plain "CSV" uses on Vietnamese
 * Windows. All text comes out in Unicode NFC. Pure: runs in the browser, a worker and Node.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1258' | 'utf-16le' | 'utf-16be';

/** Something the caller may want to tell the user about the file's text. */
export type TextNotice =
  /** The bytes are not valid UTF-8 and were read as Windows-1258 (Excel's plain "CSV"). */
  | { readonly kind: 'decoded-as-windows-1258' }
  /** Some text was in decomposed form (tones as combining marks) and was composed to NFC. */
  | { readonly kind: 'normalised-to-nfc' }
  /** UTF-16 text with unpaired surrogates, replaced by U+FFFD. */
  | { readonly kind: 'replacement-characters'; readonly count: number }
  /** The text looks like a legacy Vietnamese font encoding: it cannot be used as it is. */
  | { readonly kind: 'legacy-vietnamese-encoding'; readonly encoding: LegacyVietnameseEncoding };

export type LegacyVietnameseEncoding = 'tcvn3' | 'vni';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly notices: readonly TextNotice[];
}

/** Characters examined for legacy TCVN3/VNI encodings. */
const LEGACY_SAMPLE = 1 << 18;

/** Decodes a file's bytes (see the module comment); never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const notices: TextNotice[] = [];
  let encoding: TextEncodingName;
  let raw: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    raw = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    raw = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    raw = new TextDecoder('utf-16be').decode(bytes);
  } else {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) {
      encoding = 'utf-8';
      raw = utf8;
    } else {
      encoding = 'windows-1258';
      raw = new TextDecoder('windows-1258').decode(bytes);
      notices.push({ kind: 'decoded-as-windows-1258' });
    }
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const count = countReplacements(raw);
    if (count > 0) notices.push({ kind: 'replacement-characters', count });
  }
  const text = raw.normalize('NFC');
  // Windows-1258 writes most tones as combining marks, so composing them is expected, not news.
  if (text !== raw && encoding !== 'windows-1258') notices.push({ kind: 'normalised-to-nfc' });
  // A legacy-encoded file shows it on every line: its first 256 Ki characters tell, and a 100 MB list
  // is not scanned character by character (the whole text took ~1 s for 84 MB).
  const legacy = detectLegacyVietnameseEncoding(text.length > LEGACY_SAMPLE ? text.slice(0, LEGACY_SAMPLE) : text);
  if (legacy !== null) notices.push({ kind: 'legacy-vietnamese-encoding', encoding: legacy });
  return { text, encoding, notices };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}

/**
 * TCVN3 (ABC, ".VnTime" fonts) puts Vietnamese letters on bytes 0xA1–0xBF; read as Windows-1252
 * or 1258 they become Latin-1 symbols inside words: "Hµ Néi" (Hà Nội), "Ph­êng" (Phường, with a
 * soft hyphen for ư), "§µ N½ng" (Đà Nẵng). These are the TCVN3 letters in that range, leaving out
 * © ® « » ° which genuine text uses: ¡¢£¤¥¦§ = Ă Â Ê Ô Ơ Ư Đ, ¨ = ă, ª = ê, ¬ = ơ, soft hyphen = ư,
 * µ¶·¸¹ = à ả ã á ạ, ¼½¾ = ẳ ẵ ắ.
 */
const TCVN3_LETTERS = /[\u00a1-\u00a8\u00aa\u00ac\u00ad\u00b5-\u00b9\u00bc-\u00be]/u;

/**
 * VNI (VNI-Windows fonts) writes a base letter followed by a byte for its marks: "Haø Noäi"
 * (Hà Nội), "Phöôøng" (Phường), "Ñaø Naüng" (Đà Nẵng). Tones: ù ø û õ ï (sắc, huyền, hỏi, ngã,
 * nặng); â/ê for circumflex/breve, á à å ã ä and é è ú ü ë for them with a tone; ô ö for ơ ư.
 * Strong signs, which neither Unicode Vietnamese nor other Latin languages write: a tone byte
 * ù ø û ï after a vowel, an "a" followed by a mark byte, e/o followed by â. Weak signs, also
 * seen in names such as "Noël" or "Citroën": a vowel followed by å ä ë ü æ.
 */
const VNI_STRONG = /[aeiouyôöâê][øûïù]|a[àáãèéúõâê]|[eo]â/giu;
const VNI_WEAK = /[aeiouyôöâê][åäëüæ]/giu;

/** Letters only Unicode Vietnamese has (ă đ ơ ư and the precomposed letters with tones). */
const UNICODE_VIETNAMESE = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9]/gu;

const LETTER = /\p{L}/u;

/**
 * Recognises text that was typed with a legacy Vietnamese font encoding (TCVN3 or VNI) and
 * then read as Windows-1252/1258 or saved as "UTF-8" by a tool that did so. Such text must be
 * converted (for example with Unikey's "Chuyển mã" tool) before it can be used; returns null
 * for genuine Unicode text, Vietnamese or not.
 */
export function detectLegacyVietnameseEncoding(text: string): LegacyVietnameseEncoding | null {
  let tcvn3 = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!TCVN3_LETTERS.test(ch)) continue;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (LETTER.test(before) || LETTER.test(after) || TCVN3_LETTERS.test(before) || TCVN3_LETTERS.test(after)) tcvn3++;
  }
  const vniStrong = text.match(VNI_STRONG)?.length ?? 0;
  // One strong sign and a second sign of any kind: a lone "Noël" is not VNI.
  const vni = vniStrong > 0 ? vniStrong + (text.match(VNI_WEAK)?.length ?? 0) : 0;
  if (tcvn3 === 0 && vni === 0) return null;
  // Genuine Unicode Vietnamese is full of these; legacy text decoded as 1258 has a few at most.
  const unicode = text.match(UNICODE_VIETNAMESE)?.length ?? 0;
  if (tcvn3 > 0 && tcvn3 >= vni) return tcvn3 * 2 > unicode ? 'tcvn3' : null;
  return vni >= 2 && vni * 2 > unicode ? 'vni' : null;
}

/** What a file is, from its first bytes, so a CSV slot that receives a workbook can say so. */
export type FileKind = 'xlsx' | 'xls' | 'pdf' | 'html' | 'json' | 'binary' | 'text';

/**
 * Sniffs the kind of a file: 'xlsx' (a ZIP container, as .xlsx and .ods are), 'xls' (an OLE2
 * compound file, legacy Excel), 'pdf', 'html' (markup: a web page or Excel's "HTML" export),
 * 'json', 'binary' (NUL bytes in a file that is not UTF-16), or 'text' (presumably CSV).
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff);
  const head = bytes.subarray(0, 4096);
  if (!utf16 && head.includes(0)) return 'binary';
  const text = decodeText(utf16 ? head.subarray(0, head.length - (head.length % 2)) : head).text.replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (text.startsWith('<')) return 'html';
  return 'text';
}
