import { ImportError, type NamedText } from '../core/project/assembleImport.ts';
import { sniffFileKind } from '../core/text/decodeText.ts';
import { decodeDataFile, firstBytes } from '../core/text/csvText.ts';

/**
 * A new file's bytes as NFC text (a UTF-8 CSV as its bytes, see `decodeDataFile`, with
 * `validUtf8` when known); spreadsheets, PDFs and legacy Vietnamese encodings are refused with a reason.
 */
export function decodeFile(name: string, bytes: Uint8Array | readonly Uint8Array[], validUtf8?: boolean): NamedText {
  const kind = sniffFileKind(bytes instanceof Uint8Array ? bytes : firstBytes(bytes, 4096));
  if (kind === 'xlsx' || kind === 'xls' || kind === 'pdf' || kind === 'binary') throw new ImportError('binary', name, undefined, kind);
  const decoded = decodeDataFile(bytes, validUtf8);
  if (decoded.notices.some((n) => n.kind === 'legacy-vietnamese-encoding')) throw new ImportError('legacy-encoding', name);
  return { name, text: decoded.contents, encoding: decoded.encoding };
}
