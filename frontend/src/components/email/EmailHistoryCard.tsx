import { Link } from 'react-router';
import { Card, CardHeader, GuardedButton, MailIcon, QueryErrorState, SendIcon, Skeleton, TrashIcon, useToast } from '@/components/ui';
import {
  groupThread,
  useContactCampaigns,
  useContactDrafts,
  useContactThread,
  useDiscardDraft,
  useSendDraft,
  type Inbound,
  type ReplyDraft,
  type ThreadEntry,
} from '@/lib/api/emailThread';
import { errorMessage } from '@/lib/api/problem';
import { useGate } from '@/lib/auth';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { INBOUND_LABELS, MessageStatusBadge, ReplyCategoryBadge, SequenceReasonBadge } from './badges';

/** A contact's e-mail history: each message with its status, and what came back to it, as a thread. */
export function EmailHistoryCard({ contactId, title = 'E-mail' }: { contactId: number; title?: string }) {
  return (
    <Card role="region" aria-label={title}>
      <CardHeader title={title} description="Every message with its status; replies, auto-replies and bounces beneath the message they answer." />
      <div className="space-y-4 p-5">
        <ContactCampaigns contactId={contactId} />
        <EmailThread contactId={contactId} />
      </div>
    </Card>
  );
}

/** The campaigns the contact is in and where its sequence stands: running (next step), finished, stopped or left
 * out and why — a contact left out has no message in the history below, so this is where it says so. */
export function ContactCampaigns({ contactId }: { contactId: number }) {
  const campaigns = useContactCampaigns(contactId);
  const items = campaigns.data?.items ?? [];
  if (!items.length) return null; // (a failed load leaves the history below to say so)
  return (
    <ul aria-label="Campaigns" className="space-y-1 text-sm">
      {items.map((c) => {
        const e = c.enrolment;
        const reason = e?.excluded_reason ?? (e?.status === 'stopped' ? (e.stop_reason ?? 'stopped') : null);
        let state = '';
        if (reason) state = e?.excluded_reason ? 'left out:' : 'sequence stopped:';
        else if (e?.status === 'finished') state = `all ${c.steps.length} step${c.steps.length === 1 ? '' : 's'} sent`;
        else if (e) state = c.status === 'draft' ? 'not started yet' : `in sequence: step ${Math.max(1, e.next_step - 1)} of ${c.steps.length}${c.status === 'paused' ? ' (campaign paused)' : ''}`;
        return (
          <li key={c.id} className="flex flex-wrap items-baseline gap-x-2">
            <Link to={`/campaigns/${c.id}`} className="font-medium text-accent-700 hover:underline">
              {c.name}
            </Link>{' '}
            <span className="text-gray-600">{state}</span>
            {reason ? (
              <>
                {' '}
                <SequenceReasonBadge reason={reason} />
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
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
    <div className="space-y-4">
      <ReplyDrafts contactId={contactId} />
      <ol aria-label="E-mail history" className="space-y-4">
        {entries.map((e, i) => (
          <ThreadEntryView key={e.message ? `m${e.message.id}` : `i${i}`} entry={e} />
        ))}
      </ol>
    </div>
  );
}

/** Answers drafted for interested replies: the offered slots, then Send (as a reply in the thread) or Discard. */
function ReplyDrafts({ contactId }: { contactId: number }) {
  const drafts = useContactDrafts(contactId);
  const items = drafts.data?.items ?? [];
  if (!items.length) return null;
  return (
    <ul aria-label="Drafted answers" className="space-y-3">
      {items.map((d) => (
        <DraftView key={d.id} contactId={contactId} draft={d} />
      ))}
    </ul>
  );
}

function slotTime(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  } catch {
    return formatDateTime(iso);
  }
}

function DraftView({ contactId, draft }: { contactId: number; draft: ReplyDraft }) {
  const { toast } = useToast();
  const send = useSendDraft(contactId);
  const discard = useDiscardDraft(contactId);
  const sendGate = useGate('writer', 'send mail', { refusedInDemo: 'resend' });
  const discardGate = useGate('writer', 'discard a drafted answer');
  const run = async (what: 'send' | 'discard') => {
    try {
      if (what === 'send') await send.mutateAsync(draft.id);
      else await discard.mutateAsync(draft.id);
      toast({ tone: 'success', title: what === 'send' ? 'Answer queued to send' : 'Draft discarded', description: draft.subject });
    } catch (err) {
      toast({ tone: 'error', title: what === 'send' ? "Couldn't send the answer" : "Couldn't discard the draft", description: errorMessage(err) });
    }
  };
  return (
    <li>
      <article aria-label={`Draft: ${draft.subject}`} className="rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200">
        <div className="flex flex-wrap items-center gap-2">
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">Draft answer</span>
          <span className="text-sm font-medium text-gray-900">{draft.subject}</span>
        </div>
        <p className="mt-1 text-xs text-gray-500">
          To {draft.to_email} · offers {draft.slots.length} {draft.slots.length === 1 ? 'time' : 'times'} ({draft.timezone})
        </p>
        {draft.slots.length ? (
          <ul aria-label="Offered times" className="mt-2 flex flex-wrap gap-2">
            {draft.slots.map((slot) => (
              <li key={slot.start} className="rounded bg-white px-2 py-1 text-xs text-gray-800 ring-1 ring-gray-200">
                {slotTime(slot.start, draft.timezone)}
              </li>
            ))}
          </ul>
        ) : null}
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium text-gray-600">Show the answer</summary>
          <pre className="mt-1 max-h-60 overflow-auto font-sans text-sm whitespace-pre-wrap text-gray-800">{draft.body_text}</pre>
        </details>
        <div className="mt-3 flex flex-wrap gap-2">
          <GuardedButton size="sm" reason={sendGate.reason} icon={<SendIcon className="size-4" />} loading={send.isPending} onClick={() => void run('send')}>
            Send
          </GuardedButton>
          <GuardedButton size="sm" variant="ghost" reason={discardGate.reason} icon={<TrashIcon className="size-4" />} loading={discard.isPending} onClick={() => void run('discard')}>
            Discard
          </GuardedButton>
        </div>
      </article>
    </li>
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
