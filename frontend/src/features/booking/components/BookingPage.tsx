import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, ClockIcon, FullPageSpinner } from '@/components/ui';
import { browserZone } from '@/lib/zones';
import { freeDays, freeSlots, getPage, type BookingCreated, type PublicPage, type Slot } from '../api';
import { useLoad } from '../hooks/useLoad';
import { useWords } from '../i18n';
import { BookingForm, emptyDetails, type Details } from './BookingForm';
import { Confirmation } from './Confirmation';
import { PublicMessage, PublicShell } from './PublicShell';
import { SlotPicker, type SlotSource } from './SlotPicker';
import { linkProblem } from './words';

/** /book/:token — a lead picks a day and a time in their zone, gives their details, and is booked. */
export function BookingPage() {
  const token = useParams().token ?? '';
  const w = useWords();
  const page = useLoad(() => getPage(token), [token]);
  useEffect(() => {
    if (page.data) document.title = `${page.data.title} · ${page.data.host.name}`;
  }, [page.data]);
  if (page.error) {
    const p = linkProblem(page.error, w);
    return <PublicMessage title={p.title}>{p.detail}</PublicMessage>;
  }
  if (!page.data) return <FullPageSpinner label={w.loadingPage} />;
  return <Booking token={token} page={page.data} />;
}

function Booking({ token, page }: { token: string; page: PublicPage }) {
  const w = useWords();
  const [zone, setZone] = useState(browserZone);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [details, setDetails] = useState<Details>(() => emptyDetails(page));
  const [booked, setBooked] = useState<BookingCreated | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const source = useMemo<SlotSource>(() => ({ days: (from, to, tz) => freeDays(token, from, to, tz), slots: (day, tz) => freeSlots(token, day, day, tz) }), [token]);

  return (
    <PublicShell branding={page.branding}>
      <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200 md:grid md:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="border-b border-gray-100 p-5 md:border-r md:border-b-0">
          <p className="text-sm text-gray-600">{page.host.name}</p>
          <h1 className="mt-1 text-xl font-semibold text-gray-900">{page.title}</h1>
          <p className="mt-3 flex items-center gap-2 text-sm text-gray-700">
            <ClockIcon className="size-4 text-gray-500" /> {w.minutes(page.duration_minutes)}
          </p>
          {page.location ? <p className="mt-1 text-sm text-gray-700">{page.location}</p> : null}
          {page.with_meet ? <p className="mt-1 text-sm text-gray-700">{w.meet}</p> : null}
          {page.description ? <p className="mt-4 text-sm whitespace-pre-line text-gray-700">{page.description}</p> : null}
        </aside>
        <div className="p-5">
          {booked ? (
            <Confirmation booking={booked} />
          ) : (
            <div className="space-y-4">
              {page.greeting_name ? <p className="text-gray-900">{w.hello(page.greeting_name)}</p> : null}
              {taken ? <Alert tone="warning">{taken}</Alert> : null}
              {!page.bookable ? (
                <Alert tone="info" title={w.nothingTitle}>
                  {w.nothingText(page.host.name)}
                </Alert>
              ) : (
                <>
                  {slot ? (
                    <BookingForm
                      token={token}
                      page={page}
                      slot={slot}
                      zone={zone}
                      details={details}
                      onDetails={setDetails}
                      onBooked={setBooked}
                      onTaken={(message) => {
                        setTaken(message);
                        setSlot(null);
                        setRefresh((n) => n + 1);
                      }}
                      onChangeTime={() => setSlot(null)}
                    />
                  ) : null}
                  {/* Hidden, not unmounted, while the form is shown: back from it, the month and day are as left. */}
                  <div hidden={!!slot}>
                    <SlotPicker
                      heading={w.pickHeading}
                      source={source}
                      zone={zone}
                      onZone={setZone}
                      horizonDays={page.horizon_days}
                      refresh={refresh}
                      onPick={(s) => {
                        setTaken(null);
                        setSlot(s);
                      }}
                    />
                  </div>
                </>
              )}
            </div>
          )}
        </div>
      </div>
    </PublicShell>
  );
}
