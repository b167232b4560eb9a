import { useState } from 'react';
import {
  BackLink,
  Card,
  CardHeader,
  EmptyState,
  MailIcon,
  Pagination,
  QueryErrorState,
  Skeleton,
  TabPanel,
  Tabs,
  useTabsId,
} from '@/components/ui';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { useUrlParams } from '@/lib/useUrlState';
import { headerPairs, type CaughtMessage } from '../api';
import { useCaughtList, useCaughtMessage } from '../hooks/useMailboxes';

const PAGE = 25;
type View = 'html' | 'text' | 'headers';

/** Mail the local catcher received: exactly what would have gone out, nothing left the machine. */
export function CaughtMailPage() {
  const { params, update, setOffset } = useUrlParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const selected = params.get('key');
  const list = useCaughtList(PAGE, offset);
  const items = list.data?.items ?? [];

  return (
    <>
      <BackLink to="/mailboxes">Mailboxes</BackLink>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Caught mail</h1>
        <p className="text-sm text-gray-600">Messages sent to the Local catcher mailbox. They arrived over real SMTP and stop here: nothing leaves this machine.</p>
      </header>
      {list.isError ? (
        <QueryErrorState title="Couldn't load caught mail" query={list} />
      ) : list.isLoading ? (
        <Skeleton className="h-40 w-full" />
      ) : items.length === 0 && offset === 0 ? (
        <EmptyState icon={<MailIcon />} title="Nothing caught yet" description="Start a campaign on the Local catcher mailbox and its messages appear here within seconds." />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <Card>
            <ul aria-label="Caught messages" className="divide-y divide-gray-100">
              {items.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    aria-current={selected === m.id ? 'true' : undefined}
                    onClick={() => update({ key: m.id, offset: offset ? String(offset) : null })}
                    className={cn('block w-full px-4 py-3 text-left hover:bg-gray-50', selected === m.id && 'bg-accent-50')}
                  >
                    <span className="block truncate text-sm font-medium text-gray-900">{m.subject || '(no subject)'}</span>
                    <span className="block truncate text-xs text-gray-600">To {m.rcpt_tos.join(', ')}</span>
                    <span className="block text-xs text-gray-400">{formatDateTime(m.received_at)}</span>
                  </button>
                </li>
              ))}
            </ul>
            {list.data && list.data.total > PAGE ? (
              <div className="border-t border-gray-100 px-4 py-2">
                <Pagination offset={offset} limit={PAGE} total={list.data.total} onOffsetChange={setOffset} label="Caught mail pages" />
              </div>
            ) : null}
          </Card>
          {selected ? <CaughtMessageCard caughtKey={selected} /> : <p className="text-sm text-gray-500">Pick a message to read it.</p>}
        </div>
      )}
    </>
  );
}

function CaughtMessageCard({ caughtKey }: { caughtKey: string }) {
  const message = useCaughtMessage(caughtKey);
  if (message.isError) return <QueryErrorState title="Couldn't load the message" query={message} />;
  if (!message.data) return <Skeleton className="h-64 w-full" />;
  return <MessageView message={message.data} />;
}

/** One caught message: the HTML part in a sandboxed frame (no scripts, no same origin), the text part, the headers. */
export function MessageView({ message }: { message: CaughtMessage }) {
  const idBase = useTabsId();
  const [view, setView] = useState<View>(message.html ? 'html' : 'text');
  const headers = headerPairs(message);
  return (
    <Card role="region" aria-label="Message">
      <CardHeader
        title={message.subject || '(no subject)'}
        description={
          <>
            From {message.from_header || message.mail_from} · To {message.to_header || message.rcpt_tos.join(', ')} · {formatDateTime(message.received_at)}
          </>
        }
      />
      <div className="space-y-3 p-5">
        <Tabs
          idBase={idBase}
          label="Message parts"
          value={view}
          onChange={setView}
          tabs={[
            { key: 'html', label: 'HTML' },
            { key: 'text', label: 'Text' },
            { key: 'headers', label: `Headers (${headers.length})` },
          ]}
        />
        <TabPanel idBase={idBase} tabKey="html" active={view === 'html'}>
          {message.html ? (
            <iframe title="HTML part" sandbox="" srcDoc={message.html} className="h-96 w-full rounded-lg bg-white ring-1 ring-gray-200" />
          ) : (
            <p className="text-sm text-gray-500">This message has no HTML part.</p>
          )}
        </TabPanel>
        <TabPanel idBase={idBase} tabKey="text" active={view === 'text'}>
          {message.text ? (
            <pre aria-label="Text part" className="max-h-96 overflow-auto rounded-lg bg-gray-50 p-3 font-mono text-sm whitespace-pre-wrap text-gray-800 ring-1 ring-gray-200">
              {message.text}
            </pre>
          ) : (
            <p className="text-sm text-gray-500">This message has no text part.</p>
          )}
        </TabPanel>
        <TabPanel idBase={idBase} tabKey="headers" active={view === 'headers'}>
          <dl aria-label="Headers" className="max-h-96 overflow-auto rounded-lg bg-gray-50 p-3 font-mono text-xs ring-1 ring-gray-200">
            {headers.map((h, i) => (
              <div key={i} className="flex gap-2 py-0.5">
                <dt className="shrink-0 font-semibold text-gray-700">{h.name}:</dt>
                <dd className="break-all text-gray-800">{h.value}</dd>
              </div>
            ))}
          </dl>
        </TabPanel>
        {message.attachments.length ? (
          <ul aria-label="Attachments" className="text-sm text-gray-700">
            {message.attachments.map((a, i) => (
              <li key={i}>
                Attachment: {a.filename ?? '(unnamed)'} · {a.content_type} · {Math.ceil(a.size / 1024)} KB
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
