import { useMemo } from 'react';
import { useAppStore, type RankingSortKey } from '../store/appStore.ts';
import { downloadText, fileNameFor } from '../app/download.ts';
import { areasCsv } from '../core/export/exports.ts';
import { rankAreas } from '../store/ranking.ts';
import { localisedText } from './localisedText.ts';
import { useAdoptionView, useFormatter } from '../store/selectors.ts';

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
  if (!project || !view) return <div className="skeleton-block tall" aria-hidden="true" />;

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
      <div className="ranking-scroll">
        <table>
          <caption className="visually-hidden">{f.t('ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">{f.t('ranking.rank')}</th>
              <th scope="col">{f.t('ranking.area')}</th>
              {header('rate', f.t('ranking.rate'))}
              {header('merchants', f.t('ranking.merchants'))}
            </tr>
          </thead>
          <tbody onMouseLeave={() => hoverArea(null)}>
            {rows.map((index, rank) => {
              const area = project.areas.areas[index];
              const stat = view.areas[index];
              if (!area || !stat) return null;
              const selected = selectedArea === area.code;
              return (
                <tr key={area.code} className={selected ? 'selected' : undefined} onMouseEnter={() => hoverArea(area.code)}>
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
          </tbody>
        </table>
      </div>
    </section>
  );
}
