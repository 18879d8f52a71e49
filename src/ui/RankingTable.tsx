import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAppStore, type RankingSortKey } from '../store/appStore.ts';
import { downloadText, fileNameFor } from '../app/download.ts';
import { areasCsv } from '../core/export/exports.ts';
import { rankAreas } from '../store/ranking.ts';
import { localisedText } from './localisedText.ts';
import { useAdoptionView, useFormatter } from '../store/selectors.ts';

/**
 * Past this many areas only the rows near the scroll position are rendered: the country's 3,321
 * wards would be some 16,000 cells to lay out, and to reorder on every filter change.
 */
const WINDOW_FROM = 300;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 20;

/** Areas ranked by adoption rate or merchant count; a row selects its area, hovering highlights it on the map. */
export function RankingTable() {
  const f = useFormatter();
  const project = useAppStore((s) => s.project);
  const sort = useAppStore((s) => s.rankingSort);
  const selectedArea = useAppStore((s) => s.selectedArea);
  const selectedCategories = useAppStore((s) => s.selectedCategories);
  const { sortRanking, selectArea, hoverArea } = useAppStore.getState();
  const view = useAdoptionView();
  const rows = useMemo(() => {
    if (!project || !view) return [];
    return rankAreas(view, sort, (a, b) => f.compare(project.areas.areas[a]?.name ?? '', project.areas.areas[b]?.name ?? ''));
  }, [project, view, sort, f]);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState({ rowHeight: 49, height: 480 });
  const windowed = rows.length > WINDOW_FROM;
  // The rows' height and the scroll box's, as laid out (the first rendered row stands for all: names are cut to one line).
  useLayoutEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLTableRowElement>('tbody tr[aria-rowindex]');
    if (!box || !row) return;
    const measured = { rowHeight: row.getBoundingClientRect().height || 49, height: box.clientHeight || 480 };
    setViewport((current) => (current.rowHeight === measured.rowHeight && current.height === measured.height ? current : measured));
  }, [windowed, rows.length]);
  if (!project || !view) return <div className="skeleton-block tall" aria-hidden="true" />;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / viewport.rowHeight) - OVERSCAN) : 0;
  const last = windowed ? Math.min(rows.length, first + Math.ceil(viewport.height / viewport.rowHeight) + 2 * OVERSCAN) : rows.length;

  const header = (key: RankingSortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'} className="numeric">
      <button type="button" className="sort-button" aria-label={f.t('ranking.sortBy', { column: label })} onClick={() => sortRanking(key)}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
  return (
    <section className="ranking" aria-labelledby="ranking-title">
      <div className="panel-head">
        <h2 className="panel-title" id="ranking-title">{f.t('ranking.title')}</h2>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            const labels = project.categories.filter((_, i) => selectedCategories.has(i)).map((c) => c.label[f.lang]);
            downloadText(fileNameFor(f.t('ranking.fileName'), localisedText(project.manifest.title, f.lang), 'csv'), areasCsv(project, view, rows, labels));
          }}
        >
          {f.t('ranking.download')}
        </button>
      </div>
      <div
        className="ranking-scroll"
        ref={scroller}
        onScroll={windowed ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}
        // Focusable when windowed, so the keyboard can scroll to rows not rendered yet.
        tabIndex={windowed ? 0 : undefined}
        role={windowed ? 'region' : undefined}
        aria-labelledby={windowed ? 'ranking-title' : undefined}
      >
        <table aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">{f.t('ranking.caption')}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="numeric">{f.t('ranking.rank')}</th>
              <th scope="col">{f.t('ranking.area')}</th>
              {header('rate', f.t('ranking.rate'))}
              {header('merchants', f.t('ranking.merchants'))}
            </tr>
          </thead>
          <tbody onMouseLeave={() => hoverArea(null)}>
            {first > 0 && <tr className="ranking-spacer" aria-hidden="true" style={{ height: first * viewport.rowHeight }} />}
            {rows.slice(first, last).map((index, offset) => {
              const rank = first + offset;
              const area = project.areas.areas[index];
              const stat = view.areas[index];
              if (!area || !stat) return null;
              const selected = selectedArea === area.code;
              return (
                <tr key={area.code} aria-rowindex={rank + 2} className={selected ? 'selected' : undefined} onMouseEnter={() => hoverArea(area.code)}>
                  <td className="numeric rank">{rank + 1}</td>
                  <td>
                    <button
                      type="button"
                      className="row-button"
                      title={area.name}
                      aria-pressed={selected}
                      onClick={() => selectArea(selected ? null : area.code)}
                      onFocus={() => hoverArea(area.code)}
                      onBlur={() => hoverArea(null)}
                    >
                      {area.name}
                    </button>
                  </td>
                  <td className="numeric">
                    <span className="rate-bar" aria-hidden="true"><span style={{ width: `${Number.isFinite(stat.rate) ? stat.rate * 100 : 0}%` }} /></span>
                    {f.percent(stat.rate)}
                  </td>
                  <td className="numeric">{f.number(stat.counts.merchants)}</td>
                </tr>
              );
            })}
            {last < rows.length && <tr className="ranking-spacer" aria-hidden="true" style={{ height: (rows.length - last) * viewport.rowHeight }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
