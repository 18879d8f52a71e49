import { countsPerCategory, qrAdoptionRate } from '../core/aggregate/summarise.ts';
import type { Market, Street } from '../core/geo/readSites.ts';
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
      <SiteList title={f.t('details.markets')} items={markets} describe={(market) =>
        market.stallsTotal !== undefined && market.stallsQr !== undefined ? f.t('details.stalls', { qr: market.stallsQr, total: market.stallsTotal }) : ''}
      />
      <SiteList title={f.t('details.streets')} items={streets} describe={() => ''} />
    </section>
  );
}

/** Markets or streets of an area with their certification status. */
function SiteList<T extends Market | Street>({ title, items, describe }: { title: string; items: readonly T[]; describe: (item: T) => string }) {
  const f = useFormatter();
  return (
    <>
      <h3 className="details-subtitle">{title}</h3>
      {items.length === 0 ? <p className="muted">{f.t('details.none')}</p> : (
        <ul className="site-list">
          {items.map((item) => {
            const extra = describe(item);
            return (
              <li key={item.id}>
                <span className={`status-dot status-${item.status}`} aria-hidden="true" />
                <span>{item.name}</span>
                <span className="muted">{f.t(`status.${item.status}`)}{extra ? ` · ${extra}` : ''}</span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
