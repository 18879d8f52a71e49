import type { Formatter } from '../i18n/format.ts';
import { problemMessage } from '../i18n/messages.ts';
import type { DataProblem, FileSummary } from '../core/report/problems.ts';

/** Problems in file order: by line, then by feature index (stable for problems on the same line). */
export function sortProblems(problems: readonly DataProblem[]): DataProblem[] {
  const position = (p: DataProblem) => p.line ?? p.feature ?? -1;
  return [...problems].sort((a, b) => position(a) - position(b));
}

/** "line 12" / "feature #3" / the file's name for problems about the whole file. */
export function problemWhere(f: Formatter, problem: DataProblem): string {
  if (problem.line !== undefined) return f.t('report.where.line', { line: String(problem.line) });
  if (problem.feature !== undefined) return f.t('report.where.feature', { feature: String(problem.feature) });
  return f.t(`file.${problem.file}`);
}

/** One line per problem: where, severity, reason, and the offending value in brackets. */
export function problemLine(f: Formatter, problem: DataProblem): string {
  const detail = problem.detail !== undefined && problem.detail !== '' ? ` [${problem.detail}]` : '';
  return `${problemWhere(f, problem)}: ${f.t(`report.severity.${problem.severity}`)}: ${f.t(problemMessage(problem.code))}${detail}`;
}

/** Rows, used and rejected, one per line (plain integers, so scripts can read them). */
export function summaryLines(f: Formatter, summary: FileSummary): string[] {
  return [
    `${f.t('report.rows')}: ${summary.rows}`,
    `${f.t('report.loaded')}: ${summary.loaded}`,
    `${f.t('report.rejected')}: ${summary.rejected}`,
  ];
}

/** True when the file lost a row or feature, or could not be used as a whole (e.g. a missing column). */
export function somethingRejected(summary: FileSummary, problems: readonly DataProblem[]): boolean {
  return summary.rejected > 0 || problems.some((p) => p.severity === 'rejected');
}
