import { ImportError, type NamedText } from '../core/project/assembleImport.ts';
import { decodeText, sniffFileKind } from '../core/text/decodeText.ts';
import type { RawFile } from './projectWorkerProtocol.ts';

/** A dropped file's bytes as NFC text; spreadsheets, PDFs and legacy Vietnamese encodings are refused with a reason. */
export function decodeFile(file: RawFile): NamedText {
  const bytes = new Uint8Array(file.bytes);
  const kind = sniffFileKind(bytes);
  if (kind === 'xlsx' || kind === 'xls' || kind === 'pdf' || kind === 'binary') throw new ImportError('binary', file.name, undefined, kind);
  const decoded = decodeText(bytes);
  if (decoded.notices.some((n) => n.kind === 'legacy-vietnamese-encoding')) throw new ImportError('legacy-encoding', file.name);
  return { name: file.name, text: decoded.text, encoding: decoded.encoding };
}
