import { Link } from 'react-router';
import { Card, EmptyState, InboxIcon, OptionSelect, PageHeader, Pagination, QueryErrorState, Skeleton } from '@/components/ui';
import { CATEGORY_LABELS, INBOUND_LABELS, ReplyCategoryBadge } from '@/components/email/badges';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { useUrlParams } from '@/lib/useUrlState';
import { CATEGORIES, KINDS, type InboundKind, type Reply, type ReplyCategory } from '../api';
import { useReplies } from '../hooks/useReplies';

const PAGE = 25;

/** What came back from every campaign: people's replies by classification, auto-replies and bounces. */
export function RepliesPage() {
  const { params, update, setOffset } = useUrlParams();
  const category = (params.get('category') as ReplyCategory | null) ?? null;
  const kind = (params.get('kind') as InboundKind | null) ?? (category ? 'reply' : null);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const replies = useReplies({ limit: PAGE, offset, ...(category ? { category } : {}), ...(kind ? { kind } : {}) });
  const items = replies.data?.items ?? [];

  return (
    <>
      <PageHeader title="Replies" description="Replies to your campaigns, sorted by what they say; the sequence already stopped for each of them." />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <nav aria-label="Reply categories" className="flex flex-wrap gap-1.5">
          {[null, ...CATEGORIES].map((c) => (
            <button
              key={c ?? 'all'}
              type="button"
              aria-pressed={category === c}
              onClick={() => update({ category: c, kind: null })}
              className={cn(
                'rounded-full px-3 py-1 text-sm ring-1 ring-inset',
                category === c ? 'bg-accent-600 text-white ring-accent-600' : 'bg-white text-gray-700 ring-gray-300 hover:bg-gray-50',
              )}
            >
              {c ? CATEGORY_LABELS[c] : 'Everything'}
            </button>
          ))}
        </nav>
        <OptionSelect
          aria-label="Kind"
          controlSize="sm"
          value={kind ?? ''}
          onChange={(e) => update({ kind: e.target.value || null, category: e.target.value && e.target.value !== 'reply' ? null : category })}
          options={KINDS}
          labels={INBOUND_LABELS}
          allLabel="Every kind"
        />
      </div>
      {replies.isError ? (
        <QueryErrorState title="Couldn't load replies" query={replies} />
      ) : replies.isLoading ? (
        <Skeleton className="h-40 w-full" />
      ) : items.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title="Nothing here" description="Replies show up as the mailboxes' IMAP folders are read." />
      ) : (
        <Card>
          <ul aria-label="Replies" className="divide-y divide-gray-100">
            {items.map((r) => (
              <ReplyRow key={r.id} reply={r} />
            ))}
          </ul>
          {replies.data && replies.data.total > PAGE ? (
            <div className="border-t border-gray-100 px-4 py-2">
              <Pagination offset={offset} limit={PAGE} total={replies.data.total} onOffsetChange={setOffset} label="Reply pages" />
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}

function ReplyRow({ reply: r }: { reply: Reply }) {
  return (
    <li className="space-y-1 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-gray-900">{r.from_address ?? 'Unknown sender'}</span>
        {r.category ? <ReplyCategoryBadge category={r.category} /> : <span className="text-xs text-gray-500">{INBOUND_LABELS[r.kind]}</span>}
        <span className="text-xs text-gray-500">{formatDateTime(r.at)}</span>
        {r.classifier ? <span className="text-xs text-gray-400">classified by {r.classifier}</span> : null}
      </div>
      {r.subject ? <p className="text-sm text-gray-800">{r.subject}</p> : null}
      {r.text ? <p className="line-clamp-3 text-sm whitespace-pre-wrap text-gray-600">{r.text}</p> : null}
      <p className="flex gap-3 text-xs">
        {r.contact_id ? (
          <Link to={`/contacts/${r.contact_id}`} className="font-medium text-accent-700 hover:underline">
            Open the thread
          </Link>
        ) : null}
        {r.campaign_id ? (
          <Link to={`/campaigns/${r.campaign_id}`} className="text-accent-700 hover:underline">
            Campaign
          </Link>
        ) : null}
      </p>
    </li>
  );
}
