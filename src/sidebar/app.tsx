/**
 * The sidebar: loads what it shows with one getSidebarData call, then the five views as tabs.
 * Every save reloads it, so owners, My day and the numbers follow what the sheet now holds.
 * "Import deals" opens it on the Import view (start-view.ts).
 */
import { useEffect, useState } from 'preact/hooks';

import type { SidebarData } from '../core/sidebar/contract';
import { Glance } from './glance';
import { ImportDeals } from './import-deals';
import { MoveDeal } from './move-deal';
import { MyDay } from './my-day';
import { NewDeal } from './new-deal';
import { failureMessage, server } from './server';
import { onStartView } from './start-view';
import { TabList, TabPanel } from './tabs';

const VIEWS = [
  { id: 'new', label: 'New deal' },
  { id: 'move', label: 'Move' },
  { id: 'day', label: 'My day' },
  { id: 'glance', label: 'Pipeline' },
  { id: 'import', label: 'Import' },
];

export function App() {
  const [data, setData] = useState<SidebarData | null>(null);
  const [error, setError] = useState('');
  const [view, setView] = useState('new');

  const load = () =>
    server.getSidebarData().then(
      (loaded) => {
        setData(loaded);
        setError('');
      },
      (failure: unknown) => setError(failureMessage(failure)),
    );
  useEffect(() => {
    void load();
    onStartView((start) => {
      if (VIEWS.some((known) => known.id === start)) setView(start);
    });
  }, []);

  const alert = (
    <div class="alert block" role="alert">
      {error}
    </div>
  );
  if (!data) {
    return (
      <main class="sidebar">
        {alert}
        {error ? (
          <button type="button" onClick={load}>
            Try again
          </button>
        ) : (
          <p class="gray" role="status">
            Loading…
          </p>
        )}
      </main>
    );
  }
  const due = data.myDay.overdue.length + data.myDay.dueToday.length;
  const tabs = VIEWS.map((tab) => (tab.id === 'day' ? { ...tab, count: due } : tab));
  const reload = () => void load();
  return (
    <main class="sidebar">
      <TabList tabs={tabs} selected={view} onSelect={setView} />
      {alert}
      <div class="notice block" role="note">
        {data.settingsNotice}
      </div>
      <TabPanel id="new" selected={view === 'new'}>
        <NewDeal data={data} onSaved={reload} />
      </TabPanel>
      <TabPanel id="move" selected={view === 'move'}>
        <MoveDeal data={data} onSaved={reload} />
      </TabPanel>
      <TabPanel id="day" selected={view === 'day'}>
        <MyDay data={data} onSaved={reload} />
      </TabPanel>
      <TabPanel id="glance" selected={view === 'glance'}>
        <Glance data={data} />
      </TabPanel>
      <TabPanel id="import" selected={view === 'import'}>
        <ImportDeals data={data} shown={view === 'import'} onImported={reload} />
      </TabPanel>
    </main>
  );
}
