import type { CategoryDefinition, ProjectManifest } from '../manifest/types.ts';
import type { DataFile } from '../report/problems.ts';
import type { TextEncodingName } from '../text/decodeText.ts';
import { csvHead, type CsvText } from '../text/csvText.ts';
import { knownCategoriesOf } from '../merchants/knownCategories.ts';
import type { ProjectInputs } from './buildProject.ts';
import { jsonErrorOffset } from './jsonErrorOffset.ts';

/** A project's files as text, before parsing: what a fetch or a dropped file gives. */
export interface ProjectTexts {
  readonly manifest: ProjectManifest;
  readonly areas: string;
  /** The merchant CSV: text, or a UTF-8 file's bytes (read as bytes, never made one string). */
  readonly merchants: CsvText;
  readonly markets?: string;
  readonly streets?: string;
  /**
   * Categories met so far (the demo's campaign categories, those of earlier files), so that a file
   * naming them gets their labels and colours even when its mapping is corrected later.
   */
  readonly knownCategories?: readonly CategoryDefinition[];
  /**
   * True when the categories are the values of the merchant file's category column (a file brought
   * without a manifest, or a newly chosen column): made as the file is read, the known ones keeping
   * their labels and colours; the manifest's categories then only count as known.
   */
  readonly categoriesFromData?: boolean;
  /** How each file's bytes were decoded, when known (files fetched or dropped, not typed in). */
  readonly encodings?: Readonly<Partial<Record<DataFile, TextEncodingName>>>;
}

/** A data file that cannot be read at all: not JSON, or a web page where data was expected. */
export class ProjectFileError extends Error {
  constructor(
    readonly file: DataFile,
    readonly reason: 'json' | 'html',
    /** For JSON errors: where the parser stopped, 1-based. */
    readonly position?: { readonly line: number; readonly column: number },
  ) {
    super(`${file}: ${reason}${position ? ` at line ${position.line}, column ${position.column}` : ''}`);
    this.name = 'ProjectFileError';
  }
}

/** True when text looks like an HTML page (a login page, or a site's start page for a wrong path). */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(!doctype|html|head|body|\?xml|!--)/i.test(text);
}

/** Line and column of a character offset, 1-based. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses a GeoJSON text, naming the file and where a syntax error is. */
export function parseJsonFile(text: string, file: DataFile): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (looksLikeHtml(source)) throw new ProjectFileError(file, 'html');
  try {
    return JSON.parse(source) as unknown;
  } catch {
    throw new ProjectFileError(file, 'json', lineAndColumn(source, jsonErrorOffset(source)));
  }
}

/** Parses the GeoJSON files of a project; the merchant CSV stays text for the CSV reader. */
export function parseProjectTexts(texts: ProjectTexts): ProjectInputs {
  if (looksLikeHtml(csvHead(texts.merchants))) throw new ProjectFileError('merchants', 'html');
  return {
    manifest: texts.manifest,
    areasJson: parseJsonFile(texts.areas, 'areas'),
    merchantsCsv: texts.merchants,
    ...(texts.categoriesFromData ? { categoriesFromData: knownCategoriesOf(texts) } : {}),
    ...(texts.encodings ? { encodings: texts.encodings } : {}),
    ...(texts.markets !== undefined ? { marketsJson: parseJsonFile(texts.markets, 'markets') } : {}),
    ...(texts.streets !== undefined ? { streetsJson: parseJsonFile(texts.streets, 'streets') } : {}),
  };
}
