import { parseArgs } from 'node:util';
import { geoJsonKind, type GeoJsonKind } from '../core/geo/featureKind.ts';
import { readAreas } from '../core/geo/readAreas.ts';
import { readMarkets, readStreets } from '../core/geo/readSites.ts';
import { readMerchantsCsv } from '../core/merchants/readMerchantsCsv.ts';
import type { DataProblem, FileSummary } from '../core/report/problems.ts';
import { formatterFor } from '../i18n/format.ts';
import type { Language } from '../i18n/messages.ts';
import { chooseProperties } from './areaProperties.ts';
import { CliInputError, parseGeoJsonInput, readTextInput, type TextInput } from './io.ts';
import { cliText, delimiterKey, encodingKey, kindKey } from './messages.ts';
import { problemLine, somethingRejected, sortProblems, summaryLines } from './reportText.ts';
import { languageOption, usageError, type CliOutput } from './options.ts';

export const VALIDATE_HELP = `Usage: qr-map validate <file> [options]

Checks one data file and prints its report: what kind of file it is, the text encoding and
CSV delimiter used, rows read, used and rejected, and every row (CSV physical line) or feature
(0-based index) that was rejected or changed, with the reason.

The kind is detected: a CSV file is a merchant list; a GeoJSON FeatureCollection is area
boundaries (Polygon/MultiPolygon), markets (Point) or streets (LineString). Merchant rows are
not joined to areas here (use \`qr-map aggregate\`).

Options:
  --area-code <property>   property holding the area code (default: guessed)
  --area-name <property>   property holding the area name (default: guessed)
  --lang <en|vi>           language of the report (default: en)
  -h, --help               show this help

Exit codes: 0 nothing rejected, 1 some rows or features rejected, 2 the file cannot be read
(missing, empty, not CSV or GeoJSON, invalid JSON, an Excel workbook, legacy TCVN3/VNI text).
`;

/** `qr-map validate`: returns the exit code. */
export function validateCommand(args: readonly string[], out: CliOutput): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'area-code': { type: 'string' },
      'area-name': { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.stdout(VALIDATE_HELP);
    return 0;
  }
  const lang = languageOption(values.lang);
  if (positionals.length !== 1) throw usageError('validate', 'expects exactly one file');
  const path = positionals[0] ?? '';
  const input = readTextInput(path);
  const lines = input.kind === 'json'
    ? validateGeoJson(input, lang, { code: values['area-code'], name: values['area-name'] })
    : validateCsv(input, lang);
  out.stdout(`${lines.text.join('\n')}\n`);
  return lines.rejected ? 1 : 0;
}

interface ValidateResult {
  readonly text: string[];
  readonly rejected: boolean;
}

function header(lang: Language, path: string, kind: GeoJsonKind | 'merchants', input: TextInput): string[] {
  return [
    `${cliText(lang, 'file')}: ${path}`,
    `${cliText(lang, 'kind')}: ${cliText(lang, kindKey(kind))}`,
    `${cliText(lang, 'encoding')}: ${cliText(lang, encodingKey(input.encoding))}`,
  ];
}

function footer(lang: Language, summary: FileSummary, problems: readonly DataProblem[]): string[] {
  const f = formatterFor(lang);
  const lines = summaryLines(f, summary);
  if (problems.length === 0) lines.push(cliText(lang, 'noProblems'));
  else lines.push(`${cliText(lang, 'problems')} (${problems.length}):`, ...sortProblems(problems).map((p) => `  ${problemLine(f, p)}`));
  return lines;
}

function validateCsv(input: TextInput, lang: Language): ValidateResult {
  const result = readMerchantsCsv(input.text, {}, { fromData: [] });
  const categories = result.categories;
  const text = [
    ...header(lang, input.path, 'merchants', input),
    `${cliText(lang, 'delimiter')}: ${cliText(lang, delimiterKey(result.delimiter))}`,
    `${cliText(lang, 'categories')}: ${categories.length}`,
    ...footer(lang, result.summary, result.problems),
    cliText(lang, 'joinNote'),
  ];
  return { text, rejected: somethingRejected(result.summary, result.problems) };
}

function validateGeoJson(file: TextInput, lang: Language, given: { code: string | undefined; name: string | undefined }): ValidateResult {
  const input = parseGeoJsonInput(file);
  const { path } = input;
  const kind = geoJsonKind(input.features);
  if (kind === null) throw new CliInputError(`${path}: ${input.features.length === 0 ? 'the FeatureCollection has no features' : 'no feature has a polygon, point or line geometry'}`);
  const properties = kind === 'areas'
    ? chooseProperties(path, input.features, given, { code: '--area-code', name: '--area-name' })
    : chooseProperties(path, input.features, given, { code: '--area-code', name: '--area-name' }, kind === 'markets' ? { code: 'market_id', name: 'name' } : { code: 'street_id', name: 'name' });
  const source = { codeProperty: properties.codeProperty, nameProperty: properties.nameProperty };
  const sites = { url: path, idProperty: properties.codeProperty, nameProperty: properties.nameProperty };
  const result = kind === 'areas' ? readAreas(input.json, source) : kind === 'markets' ? readMarkets(input.json, sites) : readStreets(input.json, sites);
  const how = (guessed: boolean) => cliText(lang, guessed ? 'guessed' : 'given');
  const text = [
    ...header(lang, path, kind, input),
    `${cliText(lang, kind === 'areas' ? 'codeProperty' : 'idProperty')}: ${properties.codeProperty} (${how(properties.codeGuessed)})`,
    `${cliText(lang, 'nameProperty')}: ${properties.hasName ? `${properties.nameProperty} (${how(properties.nameGuessed)})` : cliText(lang, 'noName')}`,
    ...footer(lang, result.summary, result.problems),
  ];
  return { text, rejected: somethingRejected(result.summary, result.problems) };
}
