/**
 * npm run bench [-- --sizes 100000,1000000 --areas 700 --repeats 5 --json out.json]
 * Our load pipeline against its anchors, on seeded synthetic data, in one process. See docs/performance.md.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readAreas } from '../src/core/geo/readAreas.ts';
import type { AreaSet } from '../src/core/geo/area.ts';
import { candidatesPerPoint, compareJoins, papaParse, superclusterLoad, turfJoin } from './anchors.ts';
import { CATEGORIES, generateAreas, generateMerchantsCsv, type AreaGrid, type MerchantsCsv } from './generate.ts';
import { collectGarbage, formatCount, formatMs, machineInfo, once, timed, timedPair, usedBytes } from './measure.ts';
import type { LoadedProject } from '../src/core/project/buildProject.ts';
import { buildPointIndex } from '../src/core/aggregate/pointIndex.ts';
import { aggregateOurs, allPointFeatures, benchProject, categoriesOf, joinOurs, locateOnly, mergeTables, parseOurs, parseOursFromStrings, pointsOurs, refilterOurs, scanOnly, templateProject } from './ours.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    areas: { type: 'string', default: '700' },
    repeats: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20250701' },
    json: { type: 'string' },
  },
});
const sizes = (args.sizes ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const areaTarget = Number(args.areas);
const repeats = Math.max(1, Number(args.repeats) || 5);
const seed = Number(args.seed) || 1;
/** Above this many characters (estimated) the CSV is kept as chunks: V8 strings stop at 2^29 − 24 characters. */
const SINGLE_STRING_LIMIT = 2 ** 28;
const CHUNK_CHARS = 32 * 2 ** 20; // 32 Mi characters ≈ 64 MB as a two-byte (UTF-16) string
const AGGREGATE_RUNS = 10;
const REFILTER_RUNS = 20;

interface Goal { readonly goal: string; readonly value: number; readonly pass: boolean }

interface SizeResult {
  rows: number; areas: number; vertices_per_area: number; csv_chars: number; csv_chunks: number; generate_ms: number;
  parse_ms: number; papaparse_ms: number; parse_speedup: number; parse_scan_ms: number; parse_from_string_ms: number;
  join_ms: number; join_locate_ms: number; join_candidates_per_point: number; turf_join_ms: number; join_speedup: number; join_agreement: number; join_disagreements: number; join_on_boundary: number; join_unmatched: number;
  aggregate_ms: number; point_index_ms: number; refilter_ms: number; refilter_share: number;
  points_ms: number; points_features: number; supercluster_ms: number; points_speedup: number;
  retained_bytes_per_merchant: number; retained_bytes_per_merchant_text_dropped: number;
  runs: Record<string, readonly number[]>;
  goals: Record<string, Goal>;
  notes: string[];
}

function measureSize(rows: number, grid: AreaGrid, areaSet: AreaSet, template: LoadedProject): SizeResult {
  const notes: string[] = [];
  collectGarbage();
  const beforeText = usedBytes();
  const chunkChars = rows * 110 > SINGLE_STRING_LIMIT ? CHUNK_CHARS : Infinity;
  const holder: { csv: MerchantsCsv | null; bytes: Uint8Array[] } = { csv: null, bytes: [] };
  const generated = generateInto(holder, rows, grid, chunkChars);
  const chunkCount = generated.chunks;
  const csvChars = generated.chars;
  if (chunkCount > 1) notes.push(`CSV kept as ${chunkCount} chunks of ~32 Mi chars (too big for one string): parse_ms and papaparse_ms are sums over the chunks (each chunk has the header; line numbers restart per chunk)`);
  log(`  generated ${formatCount(rows)} rows (${formatCount(csvChars)} chars, ${chunkCount} string${chunkCount > 1 ? 's' : ''}) in ${formatMs(generated.ms)} ms`);

  // Memory: one (untimed, cold) parse + join; the table and the join stay referenced.
  collectGarbage();
  const beforeLoad = usedBytes();
  const parsed = parseOurs(holder.bytes, CATEGORIES);
  const join = joinOurs(areaSet, parsed.map((p) => p.table));
  collectGarbage();
  const retained = (usedBytes() - beforeLoad) / rows;
  const table = mergeTables(parsed.map((p) => p.table));
  if (table.count !== rows) notes.push(`our parser kept ${table.count} of ${rows} rows`);
  if (join.unmatched > 0) notes.push(`${join.unmatched} merchants outside every area`);

  const textTimes = timeTextSteps(holder.csv?.chunks ?? [], holder.bytes);
  log(`  parse ${formatMs(textTimes.parse.ms)} ms, papaparse ${formatMs(textTimes.papa.ms)} ms`);

  const [joinTime, turf] = timedPair(repeats, () => joinOurs(areaSet, parsed.map((p) => p.table)), () => turfJoin(grid.geojson, table.lon, table.lat));
  const locate = timed(repeats, () => locateOnly(areaSet, table.lon, table.lat));
  const agreement = compareJoins(join.areaOf, turf.result, grid.geojson, table.lon, table.lat);
  for (const example of agreement.examples) notes.push(`join disagreement: ${example}`);
  log(`  join ${formatMs(joinTime.ms)} ms, turf ${formatMs(turf.ms)} ms, agreement ${agreement.agreement}`);

  const categories = categoriesOf(parsed, CATEGORIES);
  const aggregate = timed(AGGREGATE_RUNS, () => aggregateOurs(join.areaOf, areaSet.areas.length, table, categories.length));
  const pointIndex = timed(AGGREGATE_RUNS, () => buildPointIndex(table.lon, table.lat, table.count));
  const project = benchProject(template, areaSet, table, join.areaOf, aggregate.result, categories, pointIndex.result);
  const refilter = timed(REFILTER_RUNS, () => refilterOurs(project));
  const points = timePoints(() => pointsOurs(project), () => allPointFeatures(project));
  log(`  aggregate ${formatMs(aggregate.ms)} ms, refilter ${formatMs(refilter.ms)} ms, points ${formatMs(points.ours.ms)} ms, supercluster ${formatMs(points.supercluster.ms)} ms`);

  // Memory again with the CSV text gone: dictionary strings that are slices of the text would keep it alive.
  holder.csv = null;
  holder.bytes = [];
  collectGarbage();
  const retainedTextDropped = (usedBytes() - beforeText) / rows;
  keepAlive(parsed, join);

  const parseWork = textTimes.parse.ms + joinTime.ms + aggregate.ms;
  const r: SizeResult = {
    rows, areas: areaSet.areas.length, vertices_per_area: grid.verticesPerArea, csv_chars: csvChars, csv_chunks: chunkCount, generate_ms: generated.ms,
    parse_ms: textTimes.parse.ms, papaparse_ms: textTimes.papa.ms, parse_speedup: textTimes.papa.ms / textTimes.parse.ms, parse_scan_ms: textTimes.scan.ms, parse_from_string_ms: textTimes.fromString.ms,
    join_ms: joinTime.ms, join_locate_ms: locate.ms, join_candidates_per_point: candidatesPerPoint(grid.geojson, table.lon, table.lat), turf_join_ms: turf.ms, join_speedup: turf.ms / joinTime.ms,
    join_agreement: agreement.agreement, join_disagreements: agreement.disagreements, join_on_boundary: agreement.onBoundary, join_unmatched: join.unmatched,
    aggregate_ms: aggregate.ms, point_index_ms: pointIndex.ms, refilter_ms: refilter.ms, refilter_share: refilter.ms / parseWork,
    points_ms: points.ours.ms, points_features: points.features, supercluster_ms: points.supercluster.ms, points_speedup: points.supercluster.ms / points.ours.ms,
    retained_bytes_per_merchant: retained, retained_bytes_per_merchant_text_dropped: retainedTextDropped,
    runs: {
      parse_ms: textTimes.parse.runs, parse_scan_ms: textTimes.scan.runs, parse_from_string_ms: textTimes.fromString.runs, papaparse_ms: textTimes.papa.runs,
      join_ms: joinTime.runs, join_locate_ms: locate.runs, turf_join_ms: turf.runs,
      aggregate_ms: aggregate.runs, point_index_ms: pointIndex.runs, refilter_ms: refilter.runs, points_ms: points.ours.runs, supercluster_ms: points.supercluster.runs,
    },
    goals: {},
    notes,
  };
  r.goals = {
    parse: { goal: 'parse_speedup ≥ 3', value: r.parse_speedup, pass: r.parse_speedup >= 3 },
    join: { goal: 'join_speedup ≥ 20 and join_agreement = 1', value: r.join_speedup, pass: r.join_speedup >= 20 && r.join_agreement === 1 },
    points: { goal: 'points_speedup ≥ 5', value: r.points_speedup, pass: r.points_speedup >= 5 },
    refilter: { goal: 'refilter_ms ≤ 1% of parse_ms + join_ms + aggregate_ms', value: r.refilter_share, pass: r.refilter_share <= 0.01 },
    memory: { goal: 'retained_bytes_per_merchant ≤ 64', value: r.retained_bytes_per_merchant, pass: r.retained_bytes_per_merchant <= 64 },
  };
  return r;
}

/**
 * Generates the CSV into `holder` as text (for Papa Parse) and as the UTF-8 bytes of a file (for
 * our reader; encoding is not timed), so that dropping them later drops the only references.
 */
function generateInto(holder: { csv: MerchantsCsv | null; bytes: Uint8Array[] }, rows: number, grid: AreaGrid, chunkChars: number) {
  const generated = once(() => generateMerchantsCsv(rows, grid, seed + rows, chunkChars));
  holder.csv = generated.result;
  const encoder = new TextEncoder();
  holder.bytes = generated.result.chunks.map((text) => encoder.encode(text));
  return { ms: generated.ms, chars: generated.result.chars, chunks: generated.result.chunks.length };
}

/** The steps that read the CSV text; only timings leave this function, so the text can be dropped after. */
function timeTextSteps(chunks: readonly string[], files: readonly Uint8Array[]) {
  const [parse, papa] = timedPair(repeats, () => parseOurs(files, CATEGORIES).length, () => papaParse(chunks));
  const scan = timed(repeats, () => scanOnly(files));
  const fromString = timed(repeats, () => parseOursFromStrings(chunks, CATEGORIES));
  return { parse, scan, fromString, papa };
}

/**
 * Our merchant layer for two views (bins from the typed columns), then supercluster loading one
 * feature per merchant, as a clustered GeoJSON source must (building those features is not timed).
 */
function timePoints(make: () => ReturnType<typeof pointsOurs>, allFeatures: () => ReturnType<typeof allPointFeatures>) {
  // Ours first, before the million features the anchor needs take up the heap (the map never makes them).
  const ours = timed(repeats, make);
  const features = allFeatures().features;
  const supercluster = timed(repeats, () => superclusterLoad(features));
  return { ours: { ms: ours.ms, runs: ours.runs }, supercluster: { ms: supercluster.ms, runs: supercluster.runs }, features: ours.result.features.length };
}

let sink = 0;
/** Keeps results reachable until after the last memory reading. */
function keepAlive(...values: readonly object[]): void {
  sink += values.length;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const pct = (x: number) => `${(x * 100).toPrecision(2)}%`;
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const verdict = (g: Goal | undefined) => (g ? (g.pass ? 'PASS' : 'MISS') : '');

function printSize(r: SizeResult): void {
  const rows: string[][] = [
    ['step', 'ours (ms)', 'anchor', 'anchor (ms)', 'ratio', 'goal', 'result'],
    ['parse', formatMs(r.parse_ms), 'papaparse', formatMs(r.papaparse_ms), ratio(r.parse_speedup), 'parse_speedup ≥ 3', verdict(r.goals.parse)],
    ['join', formatMs(r.join_ms), 'flatbush + turf', formatMs(r.turf_join_ms), ratio(r.join_speedup), `join_speedup ≥ 20, agreement = 1 (is ${r.join_agreement})`, verdict(r.goals.join)],
    ['points', formatMs(r.points_ms), 'supercluster', formatMs(r.supercluster_ms), ratio(r.points_speedup), 'points_speedup ≥ 5', verdict(r.goals.points)],
    ['aggregate', formatMs(r.aggregate_ms), '', '', '', '', ''],
    ['point index', formatMs(r.point_index_ms), '', '', '', '', ''],
    ['refilter', formatMs(r.refilter_ms), '', '', pct(r.refilter_share), '≤ 1% of parse + join + aggregate', verdict(r.goals.refilter)],
    ['retained B/merchant', formatCount(r.retained_bytes_per_merchant), 'text dropped', formatCount(r.retained_bytes_per_merchant_text_dropped), '', '≤ 64', verdict(r.goals.memory)],
  ];
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  console.log(`\n${formatCount(r.rows)} merchants × ${r.areas} areas (${r.vertices_per_area} vertices each); CSV ${formatCount(r.csv_chars)} chars in ${r.csv_chunks} string(s)`);
  rows.forEach((row, i) => {
    console.log(row.map((cell, c) => (c === 1 || c === 3 || c === 4 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  console.log(`breakdown: byte scanner alone ${formatMs(r.parse_scan_ms)} ms of parse; from a string (encode + parse) ${formatMs(r.parse_from_string_ms)} ms; locator + locateAll() alone ${formatMs(r.join_locate_ms)} ms of join; ${r.join_candidates_per_point.toFixed(2)} bbox candidates per point`);
  console.log(`join: ${r.join_disagreements} disagreements, ${r.join_on_boundary} differing points within 1e-9° of an edge left out; ${r.points_features} point features`);
  for (const note of r.notes) console.log(`note: ${note}`);
}

function main(): void {
  const started = performance.now();
  const machine = machineInfo();
  const vertices = areaTarget > 2000 ? 100 : 200;
  log(`machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`);
  const gridTime = once(() => generateAreas(areaTarget, vertices, seed));
  const grid = gridTime.result;
  const areasRead = once(() => readAreas(grid.geojson, { codeProperty: 'ward_code', nameProperty: 'ward_name' }));
  if (areasRead.result.areas.length !== grid.geojson.features.length) throw new Error('readAreas rejected generated areas');
  log(`areas: ${areasRead.result.areas.length} × ${grid.verticesPerArea} vertices, generated in ${formatMs(gridTime.ms)} ms, read in ${formatMs(areasRead.ms)} ms`);
  const template = templateProject(grid.geojson);
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    log(`size ${formatCount(rows)}:`);
    results.push(measureSize(rows, grid, areasRead.result, template));
  }
  const wallMs = performance.now() - started;
  console.log(`\nQR map benchmark: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, load average ${machine.loadAverage} at start`);
  console.log(`timings: median of ${repeats} run(s) (aggregate: ${AGGREGATE_RUNS}, refilter: ${REFILTER_RUNS}), full GC before each run, parse and join run in turn with their anchors, after one untimed parse + join; goals are set for 1,000,000 merchants and shown at every size`);
  results.forEach(printSize);
  console.log(`\nwall time ${formatMs(wallMs / 1000)} s`);
  if (args.json) {
    const report = {
      command: process.argv.slice(2).join(' '), machine, seed, repeats, aggregate_runs: AGGREGATE_RUNS, refilter_runs: REFILTER_RUNS,
      areas_generate_ms: gridTime.ms, areas_read_ms: areasRead.ms, wall_ms: wallMs, sizes: results,
    };
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${args.json}`);
  }
  if (sink < 0) console.log(sink);
}

main();
