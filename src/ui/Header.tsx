import type { Language } from '../i18n/messages.ts';
import { localisedText } from './localisedText.ts';
import { useAppStore } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';

const LANGUAGES: readonly { readonly lang: Language; readonly label: string; readonly name: string }[] = [
  { lang: 'vi', label: 'VI', name: 'VI – Tiếng Việt' },
  { lang: 'en', label: 'EN', name: 'EN – English' },
];

export function Header() {
  const f = useFormatter();
  const project = useAppStore((s) => s.project);
  const setLang = useAppStore((s) => s.setLang);
  const setReportOpen = useAppStore((s) => s.setReportOpen);
  const setImportOpen = useAppStore((s) => s.setImportOpen);
  const source = useAppStore((s) => s.source);
  const saving = useAppStore((s) => s.saving);
  const problems = project?.report.problems.length ?? 0;
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1>
          {f.t('app.name')}
          {project && <span className="dataset-title"> · {localisedText(project.manifest.title, f.lang)}</span>}
        </h1>
        {project?.manifest.sample && (
          <span className="badge" title={f.t('app.sampleBadgeHint')}>
            {f.t('app.sampleBadge')}
          </span>
        )}
        {source === 'imported' && (
          <span className="badge badge-imported" role="status">
            {saving ? f.t('import.saving') : f.t('import.badge')}
          </span>
        )}
      </div>
      <div className="header-actions">
        <button type="button" className="button button-primary" onClick={() => setImportOpen(true)}>
          {f.t('import.open')}
        </button>
        <button type="button" className="button" disabled={!project} onClick={() => setReportOpen(true)}>
          {f.t('app.dataReport')}
          {problems > 0 && <span className="count-pill">{f.number(problems)}</span>}
        </button>
        <div className="segmented" role="group" aria-label={f.t('app.language')}>
          {LANGUAGES.map(({ lang, label, name }) => (
            <button key={lang} type="button" lang={lang} aria-label={name} aria-pressed={f.lang === lang} onClick={() => setLang(lang)}>
              {label}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
