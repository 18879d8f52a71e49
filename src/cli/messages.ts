import type { Language } from '../i18n/messages.ts';
import type { FileKind, LegacyVietnameseEncoding, TextEncodingName } from '../core/text/decodeText.ts';
import type { GeoJsonKind } from '../core/geo/featureKind.ts';

/** The command line's own sentences; problem reasons come from the app's catalogue (src/i18n). */
const en = {
  file: 'File',
  kind: 'Kind',
  'kind.merchants': 'merchant list (CSV)',
  'kind.areas': 'area boundaries (GeoJSON polygons)',
  'kind.markets': 'markets (GeoJSON points)',
  'kind.streets': 'streets (GeoJSON lines)',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  'delimiter.,': 'comma (,)',
  'delimiter.;': 'semicolon (;)',
  'delimiter.\t': 'tab',
  categories: 'Categories in the data',
  codeProperty: 'Code property',
  nameProperty: 'Name property',
  idProperty: 'Id property',
  guessed: 'guessed',
  given: 'given',
  noName: '(none: the code is used as the name)',
  problems: 'Problems',
  noProblems: 'Problems: none',
  joinNote: 'Note: rows are not checked against area boundaries here; `qr-map aggregate` does that.',
  wrote: 'Wrote',
  'encoding.utf-8': 'UTF-8',
  'encoding.utf-8-bom': 'UTF-8 with BOM',
  'encoding.windows-1258': 'Windows-1258 (not valid UTF-8: read as Excel’s plain “CSV” on Vietnamese Windows)',
  'encoding.utf-16le': 'UTF-16 LE (Excel’s “Unicode Text”)',
  'encoding.utf-16be': 'UTF-16 BE',
};
type CliKey = keyof typeof en;

const vi: Record<CliKey, string> = {
  file: 'Tệp',
  kind: 'Loại',
  'kind.merchants': 'danh sách cơ sở (CSV)',
  'kind.areas': 'ranh giới khu vực (GeoJSON đa giác)',
  'kind.markets': 'chợ (GeoJSON điểm)',
  'kind.streets': 'tuyến phố (GeoJSON đường)',
  encoding: 'Bảng mã',
  delimiter: 'Dấu phân cách',
  'delimiter.,': 'dấu phẩy (,)',
  'delimiter.;': 'dấu chấm phẩy (;)',
  'delimiter.\t': 'tab',
  categories: 'Ngành hàng trong dữ liệu',
  codeProperty: 'Thuộc tính mã',
  nameProperty: 'Thuộc tính tên',
  idProperty: 'Thuộc tính mã',
  guessed: 'đoán',
  given: 'chỉ định',
  noName: '(không có: dùng mã làm tên)',
  problems: 'Vấn đề',
  noProblems: 'Vấn đề: không có',
  joinNote: 'Lưu ý: ở đây chưa kiểm tra các dòng với ranh giới khu vực; lệnh `qr-map aggregate` làm việc đó.',
  wrote: 'Đã ghi',
  'encoding.utf-8': 'UTF-8',
  'encoding.utf-8-bom': 'UTF-8 có BOM',
  'encoding.windows-1258': 'Windows-1258 (không phải UTF-8: đọc như tệp “CSV” thường của Excel trên Windows tiếng Việt)',
  'encoding.utf-16le': 'UTF-16 LE (“Unicode Text” của Excel)',
  'encoding.utf-16be': 'UTF-16 BE',
};

export function cliText(lang: Language, key: CliKey): string {
  return (lang === 'vi' ? vi : en)[key];
}

export const kindKey = (kind: GeoJsonKind | 'merchants'): CliKey => `kind.${kind}`;
export const encodingKey = (encoding: TextEncodingName): CliKey => `encoding.${encoding}`;
export const delimiterKey = (delimiter: ',' | ';' | '\t'): CliKey => `delimiter.${delimiter}`;

/** Why a file cannot be read at all, in English (errors go to stderr in English, with the Vietnamese advice where it helps). */
export function fileKindAdvice(kind: FileKind): string {
  switch (kind) {
    case 'xlsx':
      return 'This is an Excel workbook (.xlsx, or another ZIP file), not CSV. In Excel: File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”.';
    case 'xls':
      return 'This is a legacy Excel workbook (.xls), not CSV. In Excel: File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”.';
    case 'pdf':
      return 'This is a PDF document; the data has to be a CSV or GeoJSON file.';
    case 'html':
      return 'This is a web page or other markup (HTML/XML), not CSV or GeoJSON (some systems export “Excel” files that are really HTML: open it in Excel and save as “CSV UTF-8”).';
    case 'binary':
      return 'This is a binary file, not CSV or GeoJSON.';
    case 'json':
    case 'text':
      return '';
  }
}

export function legacyEncodingAdvice(encoding: LegacyVietnameseEncoding): string {
  const name = encoding === 'tcvn3' ? 'TCVN3 (ABC, .Vn fonts)' : 'VNI (VNI-Windows fonts)';
  return (
    `The Vietnamese text is in the legacy ${name} encoding, not Unicode, so names would come out garbled. ` +
    'Convert it to Unicode first, e.g. with Unikey: copy the cells, open Công cụ (Ctrl+Shift+F6), choose ' +
    `Nguồn “${encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows'}”, Đích “Unicode”, tick “Chuyển mã clipboard”, press “Chuyển mã”, ` +
    'paste the cells back, then save the file as “CSV UTF-8”.'
  );
}
