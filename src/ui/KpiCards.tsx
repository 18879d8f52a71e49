import type { ReactNode } from 'react';
import type { Market, Street } from '../core/geo/readSites.ts';
import { qrAdoptionRate } from '../core/aggregate/summarise.ts';
import { useAppStore } from '../store/appStore.ts';
import { useAdoptionView, useFormatter } from '../store/selectors.ts';

function Kpi({ label, value, note, testId }: { label: string; value: string; note?: ReactNode; testId: string }) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {note !== undefined && <div className="kpi-note">{note}</div>}
    </div>
  );
}

const certified = (items: readonly (Market | Street)[]) => items.filter((item) => item.status === 'certified').length;

/** Merchants, with QR, adoption, QR in use, cashless markets and streets under the current filter. */
export function KpiCards() {
  const f = useFormatter();
  const project = useAppStore((s) => s.project);
  const selected = useAppStore((s) => s.selectedCategories);
  const view = useAdoptionView();
  if (!project || !view) {
    return <section className="kpis" aria-hidden="true">{Array.from({ length: 6 }, (_, i) => <div key={i} className="kpi skeleton" />)}</section>;
  }
  const { totals } = view;
  const covered = view.areas.filter((a) => a.counts.withQr > 0).length;
  const activeShare = totals.withQr > 0 ? totals.activeQr / totals.withQr : NaN;
  return (
    <section className="kpis" aria-label={f.t('kpi.title')}>
      <Kpi testId="kpi-merchants" label={f.t('kpi.merchants')} value={f.number(totals.merchants)} note={f.t('kpi.categoriesSelected', { count: selected.size, total: project.categories.length })} />
      <Kpi testId="kpi-with-qr" label={f.t('kpi.withQr')} value={f.number(totals.withQr)} note={f.t('kpi.areasCovered', { count: covered })} />
      <Kpi testId="kpi-rate" label={f.t('kpi.rate')} value={f.percent(qrAdoptionRate(totals))} />
      {project.hasTransactions ? (
        <Kpi testId="kpi-active" label={f.t('kpi.active')} value={f.number(totals.activeQr)} note={f.t('kpi.activeHint', { share: f.percent(activeShare) })} />
      ) : (
        <Kpi testId="kpi-active" label={f.t('kpi.active')} value="–" note={f.t('kpi.noTransactions')} />
      )}
      <Kpi testId="kpi-markets" label={f.t('kpi.markets')} value={f.number(certified(project.markets))} note={f.t('kpi.ofTotal', { total: project.markets.length })} />
      <Kpi testId="kpi-streets" label={f.t('kpi.streets')} value={f.number(certified(project.streets))} note={f.t('kpi.ofTotal', { total: project.streets.length })} />
    </section>
  );
}
