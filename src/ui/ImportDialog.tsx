import { useRef, useState, type DragEvent } from 'react';
import { clearImportedData, importFiles } from '../app/startApp.ts';
import { useAppStore } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';
import { useModalDialog } from './useModalDialog.ts';

/** Files the user brings: drop zone and file picker; the imported data stays in this browser until cleared. */
export function ImportDialog() {
  const f = useFormatter();
  const open = useAppStore((s) => s.importOpen);
  const source = useAppStore((s) => s.source);
  const setOpen = useAppStore((s) => s.setImportOpen);
  const dialog = useModalDialog(open);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const take = (files: readonly File[]) => {
    if (files.length === 0) return;
    setOpen(false);
    void importFiles(files).then((ok) => {
      const { project, setReportOpen } = useAppStore.getState();
      if (ok && project && project.report.problems.length > 0) setReportOpen(true);
    });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take([...event.dataTransfer.files]);
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="import-title" onClose={() => setOpen(false)}>
      <div className="dialog-head">
        <h2 id="import-title">{f.t('import.title')}</h2>
        <button type="button" className="icon-button" aria-label={f.t('import.close')} onClick={() => setOpen(false)}>×</button>
      </div>
      <p>{f.t('import.intro')}</p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{f.t('import.dropHere')}</p>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          accept=".csv,.txt,.geojson,.json"
          hidden
          aria-label={f.t('import.choose')}
          onChange={(event) => {
            take([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <button type="button" className="button button-primary" onClick={() => input.current?.click()}>{f.t('import.choose')}</button>
      </div>
      <p className="muted">
        {f.t('import.privacy')}{' '}
        <a href="templates/merchants-template.csv" download>{f.t('import.template')}</a>
      </p>
      {source === 'imported' && (
        <div className="saved-note">
          <p>{f.t('import.saved')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
              void clearImportedData();
            }}
          >
            {f.t('import.clear')}
          </button>
        </div>
      )}
    </dialog>
  );
}
