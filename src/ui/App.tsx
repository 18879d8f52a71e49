import { useEffect } from 'react';
import { useAppStore } from '../store/appStore.ts';
import { useFormatter } from '../store/selectors.ts';
import { AreaDetails } from './AreaDetails.tsx';
import { DataReportDialog } from './DataReportDialog.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { Header } from './Header.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { KpiCards } from './KpiCards.tsx';
import { Legend } from './Legend.tsx';
import { LoadingState } from './LoadingState.tsx';
import { MapView } from './MapView.tsx';
import { RankingTable } from './RankingTable.tsx';

/** The dashboard: header, filters on the left, the map in the middle, figures on the right. */
export function App() {
  const f = useFormatter();
  const status = useAppStore((s) => s.status);
  useEffect(() => {
    document.documentElement.lang = f.lang;
    document.title = f.t('app.name');
  }, [f]);
  return (
    <div
      className="app"
      data-status={status.kind}
      onDragOver={(event) => {
        // Files dragged anywhere over the dashboard open the import dialog, which takes the drop.
        if (event.dataTransfer.types.includes('Files')) useAppStore.getState().setImportOpen(true);
      }}
    >
      <Header />
      <aside className="panel panel-left" aria-label={f.t('filters.title')}>
        <FilterPanel />
      </aside>
      <main className="map-area">
        <MapView />
        <Legend />
        <LoadingState />
      </main>
      <aside className="panel panel-right" aria-label={f.t('kpi.title')}>
        <KpiCards />
        <AreaDetails />
        <RankingTable />
      </aside>
      <DataReportDialog />
      <ImportDialog />
    </div>
  );
}
