import { useQuery } from '@tanstack/react-query';
import { Card, CardHeader, Skeleton } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { dayOf, formatDay, formatTime } from '@/lib/zones';
import { previewAvailability, type AvailabilityWrite, type Slot } from '../api';

const DAYS = 14;

/** The free slots of the next two weeks under the rules being edited (unsaved), grouped by day. */
export function AvailabilityPreview({ body, blocked }: { body: AvailabilityWrite | null; blocked: string | null }) {
  const preview = useQuery({
    queryKey: ['calendar', 'preview', body],
    queryFn: () => previewAvailability(body!, DAYS, body!.timezone),
    enabled: !!body && !blocked,
    placeholderData: (previous) => previous,
    retry: false,
  });
  const byDay = new Map<string, Slot[]>();
  for (const s of preview.data?.slots ?? []) byDay.set(dayOf(s.start), [...(byDay.get(dayOf(s.start)) ?? []), s]);
  const zone = preview.data?.timezone ?? body?.timezone ?? 'UTC';

  return (
    <Card role="region" aria-labelledby="availability-preview" className="self-start">
      <CardHeader id="availability-preview" title="Preview: the next two weeks" description={`Free times under these rules, before you save, in ${zone}. Meetings already booked are left out.`} />
      <div className="max-h-[36rem] overflow-y-auto p-5" aria-live="polite" aria-busy={preview.isFetching || undefined}>
        {blocked ? (
          <p className="text-sm text-gray-600">{blocked}</p>
        ) : preview.isError ? (
          <p className="text-sm text-red-700">
            {preview.error instanceof ApiError && preview.error.status === 422 ? 'Fix the rules to see a preview: ' : ''}
            {errorMessage(preview.error)}
          </p>
        ) : !preview.data ? (
          <Skeleton className="h-40" />
        ) : byDay.size === 0 ? (
          <p className="text-sm text-gray-600">No free times in the next two weeks under these rules.</p>
        ) : (
          <dl className="space-y-3">
            {[...byDay].map(([day, slots]) => (
              <div key={day}>
                <dt className="text-sm font-medium text-gray-900">{formatDay(day)}</dt>
                <dd className="mt-1 flex flex-wrap gap-1.5">
                  {slots.map((s) => (
                    <span key={s.start} className="rounded bg-accent-50 px-1.5 py-0.5 text-xs text-accent-800 ring-1 ring-accent-600/20">
                      {formatTime(s.start, zone)}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </Card>
  );
}
