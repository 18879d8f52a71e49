import { ImportError, type NamedText } from '../core/project/assembleImport.ts';
import { decodeText, sniffFileKind } from '../core/text/decodeText.ts';

/** A new file's bytes as NFC text; spreadsheets, PDFs and legacy Vietnamese encodings are refused with a reason. */
export function decodeFile(name: string, bytes: Uint8Array): NamedText {
  const kind = sniffFileKind(bytes);
  if (kind === 'xlsx' || kind === 'xls' || kind === 'pdf' || kind === 'binary') throw new ImportError('binary', name, undefined, kind);
  const decoded = decodeText(bytes);
  if (decoded.notices.some((n) => n.kind === 'legacy-vietnamese-encoding')) throw new ImportError('legacy-encoding', name);
  return { name, text: decoded.text, encoding: decoded.encoding };
}
