import { useMemo } from 'react';
import { countsPerGroup, sumCounts } from '../core/aggregate/summarise.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useAppStore, type QrStatusFilter } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';

const QR_OPTIONS: readonly { readonly value: QrStatusFilter; readonly label: MessageKey }[] = [
  { value: 'all', label: 'filters.qr.all' },
  { value: 'with', label: 'filters.qr.with' },
  { value: 'without', label: 'filters.qr.without' },
];

/** Category checkboxes (with swatch and count) and the QR-status choice. */
export function FilterPanel() {
  const f = useFormatter();
  const project = useAppStore((s) => s.project);
  const selected = useAppStore((s) => s.selectedCategories);
  const qrStatus = useAppStore((s) => s.qrStatus);
  const { toggleCategory, selectAllCategories, selectNoCategories, setQrStatus } = useAppStore.getState();
  const perCategory = useMemo(() => {
    if (!project) return [];
    return project.categories.map((_, index) => sumCounts(countsPerGroup(project.areaTable, new Set([index]))));
  }, [project]);

  if (!project) return <div className="skeleton-block" aria-hidden="true" />;
  return (
    <div className="filters">
      <h2 className="panel-title">{f.t('filters.title')}</h2>
      <fieldset className="filter-group">
        <legend>{f.t('filters.categories')}</legend>
        <div className="filter-bulk">
          <button type="button" className="link-button" onClick={selectAllCategories}>{f.t('filters.all')}</button>
          <button type="button" className="link-button" onClick={selectNoCategories}>{f.t('filters.none')}</button>
        </div>
        <ul className="category-list">
          {project.categories.map((category, index) => {
            const counts = perCategory[index];
            const id = `category-${index}`;
            return (
              <li key={category.id}>
                <input id={id} type="checkbox" checked={selected.has(index)} onChange={() => toggleCategory(index)} />
                <label htmlFor={id}>
                  <span className="swatch" style={{ background: category.color }} aria-hidden="true" />
                  <span className="category-name">{category.label[f.lang]}</span>
                </label>
                <span className="category-meta" aria-hidden="true">
                  {counts ? f.number(counts.merchants) : ''}
                </span>
              </li>
            );
          })}
        </ul>
        {selected.size === 0 && <p className="notice" role="status">{f.t('filters.noneSelected')}</p>}
      </fieldset>
      <fieldset className="filter-group">
        <legend>{f.t('filters.qrStatus')}</legend>
        {QR_OPTIONS.map((option) => (
          <label key={option.value} className="radio">
            <input type="radio" name="qr-status" value={option.value} checked={qrStatus === option.value} onChange={() => setQrStatus(option.value)} />
            {f.t(option.label)}
          </label>
        ))}
        <p className="hint">{f.t('filters.qrHint')}</p>
      </fieldset>
    </div>
  );
}
