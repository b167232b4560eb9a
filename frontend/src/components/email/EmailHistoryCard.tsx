import { Link } from 'react-router';
import { Card, CardHeader, MailIcon, QueryErrorState, Skeleton } from '@/components/ui';
import { groupThread, useContactThread, type Inbound, type ThreadEntry } from '@/lib/api/emailThread';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { INBOUND_LABELS, MessageStatusBadge, ReplyCategoryBadge } from './badges';

/** A contact's e-mail history: each message with its status, and what came back to it, as a thread. */
export function EmailHistoryCard({ contactId, title = 'E-mail' }: { contactId: number; title?: string }) {
  return (
    <Card role="region" aria-label={title}>
      <CardHeader title={title} description="Every message with its status; replies, auto-replies and bounces beneath the message they answer." />
      <div className="p-5">
        <EmailThread contactId={contactId} />
      </div>
    </Card>
  );
}

export function EmailThread({ contactId }: { contactId: number }) {
  const thread = useContactThread(contactId);
  if (thread.isError) return <QueryErrorState title="Couldn't load the e-mail history" query={thread} />;
  if (!thread.data) return <Skeleton className="h-16 w-full" />;
  const entries = groupThread(thread.data.items);
  if (!entries.length)
    return (
      <p className="flex items-center gap-2 text-sm text-gray-500">
        <MailIcon className="size-4" />
        No e-mail yet.
      </p>
    );
  return (
    <ol aria-label="E-mail history" className="space-y-4">
      {entries.map((e, i) => (
        <ThreadEntryView key={e.message ? `m${e.message.id}` : `i${i}`} entry={e} />
      ))}
    </ol>
  );
}

function ThreadEntryView({ entry }: { entry: ThreadEntry }) {
  const m = entry.message;
  return (
    <li className="space-y-2">
      {m ? (
        <article aria-label={`Message: ${m.subject}`} className="rounded-lg bg-white p-3 ring-1 ring-gray-200">
          <div className="flex flex-wrap items-center gap-2">
            <MessageStatusBadge status={m.status} />
            <span className="text-sm font-medium text-gray-900">{m.subject}</span>
          </div>
          <p className="mt-1 text-xs text-gray-500">
            To {m.to} · {m.sent_at ? `sent ${formatDateTime(m.sent_at)}` : 'not sent yet'}
            {m.opened_at ? ` · opened ${formatDateTime(m.opened_at)}` : ''}
            {m.clicked_at ? ` · clicked ${formatDateTime(m.clicked_at)}` : ''}
            {m.campaign_id ? (
              <>
                {' · '}
                <Link to={`/campaigns/${m.campaign_id}`} className="text-accent-700 hover:underline">
                  campaign{m.step ? `, step ${m.step}` : ''}
                </Link>
              </>
            ) : null}
          </p>
          {m.body_text ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs font-medium text-gray-600">Show the message</summary>
              <pre className="mt-1 max-h-60 overflow-auto font-sans text-sm whitespace-pre-wrap text-gray-800">{m.body_text}</pre>
            </details>
          ) : null}
        </article>
      ) : null}
      {entry.inbound.length ? (
        <ol aria-label={m ? `Replies to ${m.subject}` : 'Inbound'} className={cn('space-y-2', m && 'ml-6 border-l-2 border-gray-200 pl-3')}>
          {entry.inbound.map((r) => (
            <InboundView key={r.inbound.id} item={r.inbound} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function InboundView({ item }: { item: Inbound }) {
  return (
    <li aria-label={`${INBOUND_LABELS[item.kind]} ${formatDateTime(item.at)}`} className={cn('rounded-lg p-3 ring-1', item.kind === 'bounce' ? 'bg-red-50 ring-red-200' : 'bg-gray-50 ring-gray-200')}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-gray-900">{INBOUND_LABELS[item.kind]}</span>
        {item.category ? <ReplyCategoryBadge category={item.category} /> : null}
        <span className="text-xs text-gray-500">
          {item.from_address ? `${item.from_address} · ` : ''}
          {formatDateTime(item.at)}
        </span>
      </div>
      {item.subject ? <p className="mt-1 text-sm text-gray-800">{item.subject}</p> : null}
      {item.text ? <p className="mt-1 line-clamp-6 text-sm whitespace-pre-wrap text-gray-700">{item.text}</p> : null}
    </li>
  );
}
