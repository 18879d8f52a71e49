import type { AdoptionView } from '../aggregate/adoptionView.ts';
import type { LoadedProject } from '../project/buildProject.ts';
import type { DataProblem } from '../report/problems.ts';
import { csvDocument } from './csvCell.ts';

/** Rounds a rate in 0..1 to 4 decimals for export; '' when there is no rate. */
const rate = (value: number) => (Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : '');

/**
 * The areas in the given order with their counts under the current category selection, as a CSV
 * for Excel: `area_code,area_name,merchants,merchants_qr,merchants_qr_active,qr_rate` (rate in 0..1),
 * and which categories were selected, so a report says what it counted.
 */
export function areasCsv(project: LoadedProject, view: AdoptionView, order: readonly number[], selectedLabels: readonly string[]): string {
  const rows: (string | number)[][] = [['area_code', 'area_name', 'merchants', 'merchants_qr', 'merchants_qr_active', 'qr_rate', 'categories']];
  for (const index of order) {
    const area = project.areas.areas[index];
    const stat = view.areas[index];
    if (!area || !stat) continue;
    rows.push([area.code, area.name, stat.counts.merchants, stat.counts.withQr, stat.counts.activeQr, rate(stat.rate), selectedLabels.join('; ')]);
  }
  return csvDocument(rows);
}

/** The data report's problems as a CSV: file, line, feature, severity, code, reason (in the UI language), detail. */
export function problemsCsv(problems: readonly DataProblem[], describe: (problem: DataProblem) => { file: string; reason: string }): string {
  const rows: (string | number)[][] = [['file', 'line', 'feature', 'severity', 'code', 'reason', 'detail']];
  for (const problem of problems) {
    const { file, reason } = describe(problem);
    rows.push([file, problem.line ?? '', problem.feature ?? '', problem.severity, problem.code, reason, problem.detail ?? '']);
  }
  return csvDocument(rows);
}
