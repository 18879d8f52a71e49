import { countsPerCategory, qrAdoptionRate } from '../core/aggregate/summarise.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useAppStore } from '../store/appStore.ts';
import { useAdoptionView, useFormatter } from '../store/selectors.ts';

/** A Map, not an object: `level` comes from the file, and "constructor" must not find anything. */
const LEVEL_KEYS: ReadonlyMap<string, MessageKey> = new Map([
  ['ward', 'details.level.ward'],
  ['commune', 'details.level.commune'],
  ['district', 'details.level.district'],
  ['province', 'details.level.province'],
]);

/** The selected area: its counts, rate against target, categories, markets and streets. */
export function AreaDetails() {
  const f = useFormatter();
  const project = useAppStore((s) => s.project);
  const code = useAppStore((s) => s.selectedArea);
  const selected = useAppStore((s) => s.selectedCategories);
  const selectArea = useAppStore((s) => s.selectArea);
  const view = useAdoptionView();
  const index = code && project ? (project.areas.indexByCode.get(code) ?? -1) : -1;
  const area = project?.areas.areas[index];
  const stat = view?.areas[index];
  if (!project || !area || !stat) return <p className="details-hint">{f.t('details.hint')}</p>;

  const categories = countsPerCategory(project.areaTable, index)
    .map((counts, categoryIndex) => ({ counts, categoryIndex }))
    .filter(({ counts, categoryIndex }) => counts.merchants > 0 && selected.has(categoryIndex))
    .sort((a, b) => b.counts.merchants - a.counts.merchants);
  const markets = project.markets.filter((_, i) => project.marketArea[i] === index);
  const streets = project.streets.filter((_, i) => project.streetArea[i] === index);
  const levelKey = area.level ? LEVEL_KEYS.get(area.level) : undefined;
  return (
    <section className="details" aria-labelledby="details-title" data-testid="area-details">
      <div className="details-head">
        <div>
          <h2 id="details-title" className="details-name">{area.name}</h2>
          <p className="details-meta">
            {levelKey ? `${f.t(levelKey)} · ` : ''}{f.t('details.code')} {area.code}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label={f.t('details.close')} onClick={() => selectArea(null)}>×</button>
      </div>
      <dl className="details-figures">
        <div><dt>{f.t('details.merchants')}</dt><dd>{f.number(stat.counts.merchants)}</dd></div>
        <div><dt>{f.t('details.withQr')}</dt><dd>{f.number(stat.counts.withQr)}</dd></div>
        <div>
          <dt>{f.t('details.rate')}</dt>
          <dd>{f.percent(stat.rate)}</dd>
        </div>
      </dl>
      {area.targetRate !== undefined && (
        <p className="details-target">
          <span className="target-bar" aria-hidden="true">
            <span className="target-fill" style={{ width: `${Number.isFinite(stat.rate) ? Math.min(stat.rate, 1) * 100 : 0}%` }} />
            <span className="target-mark" style={{ left: `${area.targetRate * 100}%` }} />
          </span>
          {f.t('details.target', { rate: f.percent(area.targetRate) })}
        </p>
      )}
      <h3 className="details-subtitle">{f.t('details.byCategory')}</h3>
      <ul className="category-bars">
        {categories.map(({ counts, categoryIndex }) => {
          const category = project.categories[categoryIndex];
          if (!category) return null;
          const rate = qrAdoptionRate(counts);
          return (
            <li key={category.id}>
              <span className="swatch" style={{ background: category.color }} aria-hidden="true" />
              <span className="category-name">{category.label[f.lang]}</span>
              <span className="rate-bar" aria-hidden="true"><span style={{ width: `${rate * 100}%` }} /></span>
              <span className="numeric">{f.percent(rate)}</span>
              <span className="numeric muted">{f.number(counts.merchants)}</span>
            </li>
          );
        })}
      </ul>
      <h3 className="details-subtitle">{f.t('details.markets')}</h3>
      {markets.length === 0 ? <p className="muted">{f.t('details.none')}</p> : (
        <ul className="site-list">
          {markets.map((market) => (
            <li key={market.id}>
              <span className={`status-dot status-${market.status}`} aria-hidden="true" />
              <span>{market.name}</span>
              <span className="muted">
                {f.t(`status.${market.status}`)}
                {market.stallsTotal !== undefined && market.stallsQr !== undefined ? ` · ${f.t('details.stalls', { qr: market.stallsQr, total: market.stallsTotal })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="details-subtitle">{f.t('details.streets')}</h3>
      {streets.length === 0 ? <p className="muted">{f.t('details.none')}</p> : (
        <ul className="site-list">
          {streets.map((street) => (
            <li key={street.id}>
              <span className={`status-dot status-${street.status}`} aria-hidden="true" />
              <span>{street.name}</span>
              <span className="muted">{f.t(`status.${street.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
