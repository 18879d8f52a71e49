import { cancelCurrentLoad } from '../app/startApp.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Formatter } from '../i18n/format.ts';
import type { LoadFailure, LoadStage } from '../store/appStore.ts';
import { useAppStore } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';

const STAGE_KEYS: Readonly<Record<LoadStage, MessageKey>> = {
  manifest: 'loading.manifest',
  files: 'loading.files',
  areas: 'loading.areas',
  merchants: 'loading.merchants',
  join: 'loading.join',
  aggregate: 'loading.aggregate',
};

/** Where each stage starts on the progress bar; file downloads fill the first part. */
const STAGE_START: Readonly<Record<LoadStage, number>> = { manifest: 0, files: 0.05, areas: 0.45, merchants: 0.55, join: 0.8, aggregate: 0.95 };

function describeFailure(failure: LoadFailure, f: Formatter): string {
  const params = failure.fileRole ? { ...failure.params, file: f.t(`file.${failure.fileRole}`) } : failure.params;
  return f.t(failure.key, params);
}

/** Progress while the data loads, or what went wrong; laid over the map so nothing jumps. */
export function LoadingState() {
  const f = useFormatter();
  const status = useAppStore((s) => s.status);
  if (status.kind === 'ready') return null;
  if (status.kind === 'error') {
    return (
      <div className="overlay" role="alert">
        <div className="overlay-card">
          <h2>{f.t('error.title')}</h2>
          <p>{describeFailure(status.failure, f)}</p>
          <p className="muted">{f.t('error.advice')}</p>
        </div>
      </div>
    );
  }
  const start = STAGE_START[status.stage];
  const percent = Math.round((status.stage === 'files' ? start + status.progress * (STAGE_START.areas - start) : start) * 100);
  return (
    <div className="overlay">
      <div className="overlay-card" role="status">
        <p>{f.t(STAGE_KEYS[status.stage])}</p>
        <div className="progress" role="progressbar" aria-label={f.t('loading.label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <span style={{ width: `${Math.max(percent, 4)}%` }} />
        </div>
        <button type="button" className="button cancel-button" onClick={cancelCurrentLoad}>{f.t('loading.cancel')}</button>
      </div>
    </div>
  );
}
