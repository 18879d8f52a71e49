import { NO_DATA_COLOR } from '../core/classify/palette.ts';
import { STATUS_COLORS } from '../map/layers/siteLayers.ts';
import { useAppStore } from '../store/appStore.ts';
import { useAdoptionView, useClassColors, useFormatter } from '../store/selectors.ts';

/** Class ranges with their colours and area counts, the no-data class, and the point symbols. */
export function Legend() {
  const f = useFormatter();
  const project = useAppStore((s) => s.project);
  const view = useAdoptionView();
  const colors = useClassColors();
  if (!project || !view) return null;
  const { breaks, classCounts } = view;
  return (
    <section className="legend" aria-label={f.t('legend.title')} data-testid="legend">
      <h2 className="legend-title">{f.t('legend.title')}</h2>
      <ul className="legend-classes">
        {colors.map((color, index) => (
          <li key={index}>
            <span className="legend-swatch" style={{ background: color }} aria-hidden="true" />
            <span className="legend-range">
              {f.percent(breaks[index] ?? NaN)} – {f.percent(breaks[index + 1] ?? NaN)}
            </span>
            <span className="legend-count">{f.t('legend.areas', { count: classCounts[index] ?? 0 })}</span>
          </li>
        ))}
        {view.noData > 0 && (
          <li>
            <span className="legend-swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
            <span className="legend-range">{f.t('legend.noData')}</span>
            <span className="legend-count">{f.t('legend.areas', { count: view.noData })}</span>
          </li>
        )}
      </ul>
      <p className="legend-method">{f.t(`legend.method.${project.manifest.classification.method}`)}</p>
      <ul className="legend-symbols">
        <li><span className="symbol-dot" aria-hidden="true" />{f.t('legend.pointWithQr')}</li>
        <li><span className="symbol-dot hollow" aria-hidden="true" />{f.t('legend.pointWithoutQr')}</li>
        <li><span className="symbol-market" style={{ borderColor: STATUS_COLORS.certified }} aria-hidden="true" />{f.t('legend.market')}</li>
        <li><span className="symbol-street" aria-hidden="true" />{f.t('legend.street')}</li>
      </ul>
    </section>
  );
}
