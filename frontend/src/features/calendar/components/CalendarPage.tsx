import { useSearchParams } from 'react-router';
import { PageHeader, TabPanel, Tabs, useTabsId, type TabItem } from '@/components/ui';
import { AvailabilityPanel } from './AvailabilityPanel';
import { BookingsPanel } from './BookingsPanel';
import { ConnectionsPanel } from './ConnectionsPanel';
import { PagesPanel } from './PagesPanel';

type Tab = 'bookings' | 'pages' | 'availability' | 'connections';
const TABS: TabItem<Tab>[] = [
  { key: 'bookings', label: 'Bookings' },
  { key: 'pages', label: 'Booking pages' },
  { key: 'availability', label: 'Availability' },
  { key: 'connections', label: 'Google & feed' },
];

/** Meetings booked from outreach, the pages leads book them on, your hours and your calendar connections. */
export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const idBase = useTabsId();
  const raw = params.get('tab');
  const tab: Tab = TABS.some((t) => t.key === raw) ? (raw as Tab) : 'bookings';
  const select = (next: Tab) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next === 'bookings') out.delete('tab');
        else out.set('tab', next);
        return out;
      },
      { replace: true },
    );
  return (
    <div>
      <PageHeader title="Calendar" description="Meetings leads booked from your outreach, the pages they book on, your hours, and where bookings go." />
      <Tabs tabs={TABS} value={tab} onChange={select} label="Calendar sections" idBase={idBase} className="mb-5" />
      {/* Every panel exists for its tab's aria-controls; only the active one has content, so a tab's data
          loads when it is opened. */}
      {TABS.map((t) => (
        <TabPanel key={t.key} idBase={idBase} tabKey={t.key} active={t.key === tab}>
          {t.key !== tab ? null : tab === 'bookings' ? <BookingsPanel /> : tab === 'pages' ? <PagesPanel /> : tab === 'availability' ? <AvailabilityPanel /> : <ConnectionsPanel />}
        </TabPanel>
      ))}
    </div>
  );
}
