import { foldText } from '../merchants/categoryMatcher.ts';

/** Unit prefixes written before names, longest first ("thanh pho" before "tp"). */
const PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'quan', 'tinh', 'xa', 'tp', 'tt', 'tx', 'p', 'q', 'h', 'x'];

/**
 * A name reduced to what identifies it within one level: case, accents, "Đ"/"Ð" and NFC/NFD
 * folded, unit prefixes ("P.", "Phường", "Xã", "TP.") dropped, leading zeros of numbers removed.
 * "P. Hải Châu", "Phường Hải Châu" and "phuong hai chau" all give "hai chau"; "Phường 01" gives "1".
 */
export function normaliseAreaName(name: string): string {
  let text = foldText(name).replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const prefix of PREFIXES) {
    if (text.startsWith(prefix + ' ')) {
      text = text.slice(prefix.length + 1);
      break;
    }
  }
  return text.replace(/\b0+(\d)/g, '$1');
}

/** Code without leading zeros, so "123" and "00123" meet; "" for a code of zeros or none. */
export function unpaddedCode(code: string): string {
  return code.trim().replace(/^0+/, '');
}
