import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countsPerCategory, countsPerGroup } from '../core/aggregate/summarise.ts';
import { detectDelimiter, stripBom } from '../core/csv/tokenizeCsv.ts';
import { csvDocument } from '../core/export/csvCell.ts';
import { geoJsonKind, type GeoJsonKind } from '../core/geo/featureKind.ts';
import type { ProjectManifest } from '../core/manifest/types.ts';
import { buildProject, OTHER_CATEGORY, type LoadedProject } from '../core/project/buildProject.ts';
import type { DataFile, DataProblem, FileSummary } from '../core/report/problems.ts';
import { formatterFor } from '../i18n/format.ts';
import { problemMessage } from '../i18n/messages.ts';
import { chooseProperties, type ChosenProperties } from './areaProperties.ts';
import { CliInputError, readGeoJsonInput, readTextInput, type GeoJsonInput } from './io.ts';
import { cliText } from './messages.ts';
import { languageOption, usageError, type CliOutput } from './options.ts';
import { somethingRejected, sortProblems, summaryLines } from './reportText.ts';

export const AGGREGATE_HELP = `Usage: qr-map aggregate --areas <geojson> --merchants <csv> --out <dir> [options]

Joins merchants to areas (by location, or by area code for rows without coordinates) and writes,
in <dir> (created if needed):
  areas.csv             area_code,area_name,merchants,merchants_qr,qr_rate
                        one row per area in file order; qr_rate in 0..1 (4 decimals), empty
                        when the area has no merchants
  area_categories.csv   area_code,category,merchants,merchants_qr (rows with merchants only)
  report.json           per input: rows, loaded, rejected and every problem (line or feature,
                        reason code and sentence); the join: matched by location, by code, unmatched
CSV files are UTF-8 with a BOM (Excel reads the Vietnamese letters) and text cells that a
spreadsheet would run as a formula are prefixed with '.

Categories are the distinct values of the merchant list's category column.

Options:
  --areas <file>           area boundaries, GeoJSON polygons (required)
  --merchants <file>       merchant list, CSV (required)
  --markets <file>         cashless markets, GeoJSON points (optional, checked and reported)
  --streets <file>         cashless streets, GeoJSON lines (optional, checked and reported)
  --area-code <property>   property holding the area code (default: guessed)
  --area-name <property>   property holding the area name (default: guessed)
  --out <dir>              output folder (required)
  --lang <en|vi>           language of the summary printed (default: en; report.json is English)
  -h, --help               show this help

Exit codes: 0 nothing rejected, 1 some rows or features rejected (the outputs are written),
2 an input cannot be read (nothing is written).
`;

/** `qr-map aggregate`: returns the exit code. */
export function aggregateCommand(args: readonly string[], out: CliOutput): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      areas: { type: 'string' },
      merchants: { type: 'string' },
      markets: { type: 'string' },
      streets: { type: 'string' },
      'area-code': { type: 'string' },
      'area-name': { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.stdout(AGGREGATE_HELP);
    return 0;
  }
  const lang = languageOption(values.lang);
  if (positionals.length > 0) throw usageError('aggregate', `unexpected argument “${positionals[0] ?? ''}”`);
  const { areas: areasPath, merchants: merchantsPath, out: outDir } = values;
  if (areasPath === undefined || merchantsPath === undefined || outDir === undefined) {
    throw usageError('aggregate', '--areas, --merchants and --out are required');
  }

  const areasInput = readGeoJson(areasPath, 'areas');
  const properties = chooseProperties(areasPath, areasInput.features, { code: values['area-code'], name: values['area-name'] }, { code: '--area-code', name: '--area-name' });
  const merchantsInput = readTextInput(merchantsPath);
  if (merchantsInput.kind !== 'text') throw new CliInputError(`${merchantsPath}: this is JSON, not a CSV merchant list`);
  const marketsInput = values.markets === undefined ? undefined : readGeoJson(values.markets, 'markets');
  const streetsInput = values.streets === undefined ? undefined : readGeoJson(values.streets, 'streets');
  const marketsSource = marketsInput && chooseSiteProperties(marketsInput, 'market_id');
  const streetsSource = streetsInput && chooseSiteProperties(streetsInput, 'street_id');

  const manifest: ProjectManifest = {
    version: 1,
    title: 'qr-map aggregate',
    sample: false,
    areas: { url: areasPath, codeProperty: properties.codeProperty, nameProperty: properties.nameProperty, level: 'ward', adminSystem: 'unknown' },
    merchants: { url: merchantsPath, columns: {} },
    // Made from the merchant list's category column as it is read.
    categories: [],
    classification: { method: 'quantile', classes: 5 },
    ...(marketsSource && values.markets !== undefined ? { markets: { url: values.markets, ...marketsSource } } : {}),
    ...(streetsSource && values.streets !== undefined ? { streets: { url: values.streets, ...streetsSource } } : {}),
  };
  const project = buildProject({
    manifest,
    areasJson: areasInput.json,
    merchantsCsv: merchantsInput.text,
    categoriesFromData: [],
    ...(marketsInput ? { marketsJson: marketsInput.json } : {}),
    ...(streetsInput ? { streetsJson: streetsInput.json } : {}),
  });

  const report = buildReport(project, properties, {
    areas: { path: areasPath, encoding: areasInput.encoding },
    merchants: { path: merchantsPath, encoding: merchantsInput.encoding },
    ...(marketsInput ? { markets: { path: marketsInput.path, encoding: marketsInput.encoding } } : {}),
    ...(streetsInput ? { streets: { path: streetsInput.path, encoding: streetsInput.encoding } } : {}),
  }, { categories: project.manifest.categories.map((category) => category.label.vi), delimiter: detectDelimiter(stripBom(merchantsInput.text)) });
  mkdirSync(outDir, { recursive: true });
  const written = [
    ['areas.csv', csvDocument(areaRows(project))],
    ['area_categories.csv', csvDocument(areaCategoryRows(project))],
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
  ] as const;
  for (const [name, content] of written) writeFileSync(path.join(outDir, name), content);

  const f = formatterFor(lang);
  const lines: string[] = [];
  let rejected = false;
  for (const summary of project.report.files) {
    const problems = project.report.problems.filter((p) => p.file === summary.file);
    rejected ||= somethingRejected(summary, problems);
    lines.push(`${f.t(`file.${summary.file}`)}: ${summaryLines(f, summary).join(', ')}`);
  }
  const { join } = project.report;
  lines.push(f.t('report.join', { location: String(join.matchedByLocation), code: String(join.matchedByCode), name: String(join.matchedByName), unmatched: String(join.unmatched) }));
  lines.push(`${cliText(lang, 'wrote')}: ${written.map(([name]) => path.join(outDir, name)).join(', ')}`);
  out.stdout(`${lines.join('\n')}\n`);
  return rejected ? 1 : 0;
}

function readGeoJson(file: string, expected: GeoJsonKind): GeoJsonInput {
  const input = readGeoJsonInput(file);
  const kind = geoJsonKind(input.features);
  if (kind !== expected && input.features.length > 0) {
    const found = kind === null ? 'features without a usable geometry' : { areas: 'polygons (areas)', markets: 'points (markets)', streets: 'lines (streets)' }[kind];
    throw new CliInputError(`${file}: expected ${{ areas: 'polygons (areas)', markets: 'points (markets)', streets: 'lines (streets)' }[expected]}, found ${found}`);
  }
  return input;
}

function chooseSiteProperties(input: GeoJsonInput, idProperty: string): { idProperty: string; nameProperty: string } {
  const chosen = chooseProperties(input.path, input.features, { code: undefined, name: undefined }, { code: '--area-code', name: '--area-name' }, { code: idProperty, name: 'name' });
  return { idProperty: chosen.codeProperty, nameProperty: chosen.nameProperty };
}

type Cell = string | number;

/** The category as written in the data; merchants whose category cell was empty are "(other)". */
const categoryLabel = (project: LoadedProject, index: number): string => {
  const category = project.categories[index];
  return category === undefined || category === OTHER_CATEGORY ? '(other)' : category.id;
};

const rate = (withQr: number, merchants: number): Cell => (merchants > 0 ? Math.round((withQr / merchants) * 10_000) / 10_000 : '');

function areaRows(project: LoadedProject): Cell[][] {
  const all = new Set(project.categories.map((_, index) => index));
  const counts = countsPerGroup(project.areaTable, all);
  const rows: Cell[][] = [['area_code', 'area_name', 'merchants', 'merchants_qr', 'qr_rate']];
  project.areas.areas.forEach((area, index) => {
    const c = counts[index] ?? { merchants: 0, withQr: 0 };
    rows.push([area.code, area.name, c.merchants, c.withQr, rate(c.withQr, c.merchants)]);
  });
  return rows;
}

function areaCategoryRows(project: LoadedProject): Cell[][] {
  const rows: Cell[][] = [['area_code', 'category', 'merchants', 'merchants_qr']];
  project.areas.areas.forEach((area, index) => {
    countsPerCategory(project.areaTable, index).forEach((c, category) => {
      if (c.merchants > 0) rows.push([area.code, categoryLabel(project, category), c.merchants, c.withQr]);
    });
  });
  return rows;
}

interface InputInfo {
  readonly path: string;
  readonly encoding: string;
}

interface ReportProblem {
  readonly line?: number;
  readonly feature?: number;
  readonly severity: DataProblem['severity'];
  readonly code: DataProblem['code'];
  readonly message: string;
  readonly detail?: string;
}

/** report.json: plain data, English sentences, no timestamps (the same inputs give the same bytes). */
function buildReport(
  project: LoadedProject,
  properties: ChosenProperties,
  inputs: Partial<Record<DataFile, InputInfo>>,
  merchants: { categories: readonly string[]; delimiter: string },
): Record<string, unknown> {
  const en = formatterFor('en');
  const section = (summary: FileSummary): Record<string, unknown> => {
    const problems: ReportProblem[] = sortProblems(project.report.problems.filter((p) => p.file === summary.file)).map((p) => ({
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.feature !== undefined ? { feature: p.feature } : {}),
      severity: p.severity,
      code: p.code,
      message: en.t(problemMessage(p.code)),
      ...(p.detail !== undefined ? { detail: p.detail } : {}),
    }));
    const input = inputs[summary.file];
    const extra: Record<string, unknown> =
      summary.file === 'areas'
        ? { codeProperty: properties.codeProperty, codeGuessed: properties.codeGuessed, nameProperty: properties.hasName ? properties.nameProperty : null, nameGuessed: properties.nameGuessed }
        : summary.file === 'merchants'
          ? { delimiter: merchants.delimiter, categories: merchants.categories }
          : {};
    return { file: input?.path ?? null, encoding: input?.encoding ?? null, ...extra, rows: summary.rows, loaded: summary.loaded, rejected: summary.rejected, problems };
  };
  const report: Record<string, unknown> = {};
  for (const summary of project.report.files) report[summary.file] = section(summary);
  report.join = { ...project.report.join };
  return report;
}
