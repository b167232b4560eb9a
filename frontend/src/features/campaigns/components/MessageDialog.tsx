import { Dialog, QueryErrorState, Skeleton } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useMessage } from '../hooks/useCampaigns';
import { MessageStatusBadge } from './StatusBadges';

/** One message as sent: the server's last answer, its events, and the text part. */
export function MessageDialog({ messageId, onClose }: { messageId: number | null; onClose: () => void }) {
  const message = useMessage(messageId);
  const m = message.data;
  return (
    <Dialog open={messageId !== null} onClose={onClose} title={m ? m.subject : 'Message'} description={m ? `To ${m.to_name ? `${m.to_name} <${m.to}>` : m.to}` : undefined}>
      {message.isError ? (
        <QueryErrorState title="Couldn't load the message" query={message} />
      ) : !m ? (
        <Skeleton className="h-32 w-full" />
      ) : (
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
            <dt className="text-gray-500">Status</dt>
            <dd>
              <MessageStatusBadge status={m.status} /> {m.resolution ? <span className="text-xs text-gray-500">({m.resolution})</span> : null}
            </dd>
            <dt className="text-gray-500">Message-ID</dt>
            <dd className="font-mono text-xs break-all">{m.message_id ?? '–'}</dd>
            <dt className="text-gray-500">Attempts</dt>
            <dd>{m.attempts}</dd>
            <dt className="text-gray-500">Server said</dt>
            <dd className="font-mono text-xs break-all" data-testid="smtp-reply">
              {m.smtp_code || m.smtp_reply ? `${m.smtp_code ?? ''} ${m.smtp_reply ?? ''}`.trim() : '–'}
            </dd>
            {m.error ? (
              <>
                <dt className="text-gray-500">Problem</dt>
                <dd className="text-red-800">{m.error}</dd>
              </>
            ) : null}
          </dl>
          {m.events.length ? (
            <ol aria-label="Events" className="space-y-1">
              {m.events.map((e) => (
                <li key={e.id} className="flex gap-2">
                  <span className="w-36 shrink-0 text-xs text-gray-500">{formatDateTime(e.at)}</span>
                  <span className="font-medium text-gray-800">{e.kind}</span>
                </li>
              ))}
            </ol>
          ) : null}
          <pre className="max-h-64 overflow-auto rounded-lg bg-gray-50 p-3 font-sans whitespace-pre-wrap text-gray-800 ring-1 ring-gray-200">{m.body_text}</pre>
        </div>
      )}
    </Dialog>
  );
}
