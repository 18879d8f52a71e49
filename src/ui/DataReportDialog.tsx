import type { FileFormat } from '../core/project/buildProject.ts';
import type { Formatter } from '../i18n/format.ts';
import { problemMessage, type MessageKey } from '../i18n/messages.ts';
import { useAppStore } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';
import { downloadText, fileNameFor } from '../app/download.ts';
import { problemsCsv } from '../core/export/exports.ts';
import { ColumnMapping } from './ColumnMapping.tsx';
import { localisedText } from './localisedText.ts';
import { useModalDialog } from './useModalDialog.ts';

const SHOWN = 500;

const DELIMITER_KEYS: Readonly<Record<string, MessageKey>> = { ',': 'report.delimiter.comma', ';': 'report.delimiter.semicolon', '\t': 'report.delimiter.tab' };

/** "UTF-8 · separated by semicolons", or "" when nothing is known about the file's format. */
function describeFormat(format: FileFormat | undefined, f: Formatter): string {
  if (!format) return '';
  const parts: string[] = [];
  if (format.encoding) parts.push(f.t(`report.encoding.${format.encoding}`));
  const delimiter = format.delimiter === undefined ? undefined : DELIMITER_KEYS[format.delimiter];
  if (delimiter) parts.push(f.t('report.delimiter', { delimiter: f.t(delimiter) }));
  return parts.join(' · ');
}

/** Per file: rows, used, rejected; then every row or feature rejected or changed, where it was and why. */
export function DataReportDialog() {
  const f = useFormatter();
  const open = useAppStore((s) => s.reportOpen);
  const project = useAppStore((s) => s.project);
  const setOpen = useAppStore((s) => s.setReportOpen);
  const dialog = useModalDialog(open);
  const report = project?.report;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="report-title" onClose={() => setOpen(false)}>
      <div className="dialog-head">
        <h2 id="report-title">{f.t('report.title')}</h2>
        <button type="button" className="icon-button" aria-label={f.t('report.close')} onClick={() => setOpen(false)}>×</button>
      </div>
      {report && (
        <>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{f.t('report.file')}</th>
                <th scope="col" className="numeric">{f.t('report.rows')}</th>
                <th scope="col" className="numeric">{f.t('report.loaded')}</th>
                <th scope="col" className="numeric">{f.t('report.rejected')}</th>
                <th scope="col">{f.t('report.format')}</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((file) => (
                <tr key={file.file}>
                  <td>{f.t(`file.${file.file}`)}</td>
                  <td className="numeric">{f.number(file.rows)}</td>
                  <td className="numeric">{f.number(file.loaded)}</td>
                  <td className="numeric">{f.number(file.rejected)}</td>
                  <td>{describeFormat(report.formats[file.file], f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{f.t('report.join', { location: report.join.matchedByLocation, code: report.join.matchedByCode, name: report.join.matchedByName, unmatched: report.join.unmatched })}</p>
          <ColumnMapping />
          <div className="panel-head">
            <h3>{f.t('report.problems')}</h3>
            {report.problems.length > 0 && project && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  const csv = problemsCsv(report.problems, (p) => ({ file: f.t(`file.${p.file}`), reason: f.t(problemMessage(p.code)) }));
                  downloadText(fileNameFor(f.t('report.fileName'), localisedText(project.manifest.title, f.lang), 'csv'), csv);
                }}
              >
                {f.t('report.download')}
              </button>
            )}
          </div>
          {report.problems.length === 0 ? <p>{f.t('report.noProblems')}</p> : (
            <ul className="problem-list">
              {report.problems.slice(0, SHOWN).map((problem, i) => (
                <li key={i}>
                  <strong>{f.t(`file.${problem.file}`)}</strong>
                  {problem.line !== undefined && `, ${f.t('report.where.line', { line: String(problem.line) })}`}
                  {problem.feature !== undefined && `, ${f.t('report.where.feature', { feature: String(problem.feature) })}`}
                  {` (${f.t(`report.severity.${problem.severity}`)}): ${f.t(problemMessage(problem.code))}`}
                  {problem.detail !== undefined && <code className="problem-detail">{problem.detail}</code>}
                </li>
              ))}
              {report.problems.length > SHOWN && <li>{f.t('report.more', { count: report.problems.length - SHOWN })}</li>}
            </ul>
          )}
        </>
      )}
    </dialog>
  );
}
