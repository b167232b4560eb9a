import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, FullPageSpinner } from '@/components/ui';
import { browserZone, formatMoment } from '@/lib/zones';
import { bookOffered, getOffered, type BookingCreated } from '../api';
import { useLoad } from '../hooks/useLoad';
import { Confirmation } from './Confirmation';
import { PublicMessage, PublicShell } from './PublicShell';
import { useWords, visitorLanguage } from '../i18n';
import { bookingProblem, linkProblem } from './words';

/** /book/:token/quick/:slot — one time offered in an e-mail: one click books it, if it is still free. */
export function QuickBookPage() {
  const w = useWords();
  const { token = '', slot = '' } = useParams();
  const offer = useLoad(() => getOffered(token, slot), [token, slot]);
  const [zone] = useState(browserZone);
  const [booked, setBooked] = useState<BookingCreated | null>(null);
  const [error, setError] = useState<{ taken: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  if (offer.error) {
    const p = linkProblem(offer.error, w);
    return <PublicMessage title={p.title}>{p.detail}</PublicMessage>;
  }
  if (!offer.data) return <FullPageSpinner label={w.loadingOffer} />;
  const o = offer.data;

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      setBooked(await bookOffered(token, slot, zone, visitorLanguage()));
    } catch (err) {
      setError(bookingProblem(err, w));
    } finally {
      setPending(false);
    }
  }

  const other = (
    <Link to={`/book/${token}`} className="font-medium text-accent-700 underline">
      {w.allTimes}
    </Link>
  );
  return (
    <PublicShell>
      <div className="mx-auto max-w-lg space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
        {booked ? (
          <Confirmation booking={booked} />
        ) : (
          <>
            <p className="text-sm text-gray-600">{o.host_name}</p>
            <h1 className="text-xl font-semibold text-gray-900">{o.title}</h1>
            {o.greeting_name ? <p>{w.helloShort(o.greeting_name)}</p> : null}
            <p className="text-gray-900">{formatMoment(o.start, zone)}</p>
            {error ? <Alert tone="warning">{error.message}</Alert> : null}
            {o.free && !error?.taken ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button loading={pending} onClick={() => void confirm()}>
                  {w.bookThis}
                </Button>
                {other}
              </div>
            ) : (
              <>
                {!error ? <Alert tone="info">{w.takenMeanwhile}</Alert> : null}
                <p>{other}</p>
              </>
            )}
          </>
        )}
      </div>
    </PublicShell>
  );
}
