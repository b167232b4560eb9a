import { useEffect, useRef } from 'react';
import { CheckIcon, DownloadIcon, ExternalLinkIcon } from '@/components/ui';
import { EXTERNAL_LINK, safeHttpUrl } from '@/lib/url';
import { formatMoment } from '@/lib/zones';
import type { BookingCreated } from '../api';
import { useWords } from '../i18n';
import { localPath } from './words';

const linkButton =
  'inline-flex h-10 items-center justify-center gap-2 rounded-lg px-4 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600';

/** "You're booked": the time in the visitor's zone, add-to-calendar links and the manage page. */
export function Confirmation({ booking, moved = false }: { booking: BookingCreated; moved?: boolean }) {
  const w = useWords();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen readers and keyboards start at the news, not where the form was.
  useEffect(() => heading.current?.focus(), []);
  const meet = safeHttpUrl(booking.meet_url);
  const google = safeHttpUrl(booking.google_calendar_url);
  return (
    <section aria-labelledby="confirmed-heading" className="space-y-5 text-center">
      <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
        <CheckIcon className="size-6" />
      </div>
      <h1 id="confirmed-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold text-gray-900 focus:outline-none">
        {moved ? w.moved : w.booked}
      </h1>
      <div className="mx-auto max-w-md space-y-1 text-sm text-gray-700">
        <p className="font-medium text-gray-900">
          {w.with(booking.title, booking.host_name)}
        </p>
        <p>{formatMoment(booking.start, booking.timezone)}</p>
        {booking.location ? <p>{booking.location}</p> : null}
        {meet ? (
          <p>
            <a href={meet} {...EXTERNAL_LINK} className="text-accent-700 underline">
              {w.joinMeet}
            </a>
          </p>
        ) : null}
      </div>
      <p className="text-sm text-gray-600">{w.onItsWay}</p>
      <div className="flex flex-col justify-center gap-2 sm:flex-row">
        <a href={localPath(booking.ics_url)} download="meeting.ics" className={`${linkButton} bg-accent-600 text-white hover:bg-accent-700`}>
          <DownloadIcon className="size-4" /> {w.addIcs}
        </a>
        {google ? (
          <a href={google} {...EXTERNAL_LINK} className={`${linkButton} bg-white text-gray-800 ring-1 ring-gray-300 hover:bg-gray-50`}>
            <ExternalLinkIcon className="size-4" /> {w.addGoogle}
          </a>
        ) : null}
      </div>
      <p className="text-sm">
        <a href={localPath(booking.manage_url)} className="font-medium text-accent-700 underline">
          {w.manage}
        </a>
      </p>
    </section>
  );
}
