import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Card,
  CardHeader,
  ConfirmDialog,
  OptionSelect,
  Pagination,
  QueryErrorState,
  Table,
  TableEmptyRow,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import type { MessageItem, MessageStatus } from '../api';
import { useDecideMessage, useMessages } from '../hooks/useCampaigns';
import { MessageDialog } from './MessageDialog';
import { MESSAGE_LABELS, MessageStatusBadge } from './StatusBadges';

const PAGE = 25;
const STATUSES = Object.keys(MESSAGE_LABELS) as MessageStatus[];

/**
 * The campaign's ledger. A message whose outcome is unknown (the line dropped after DATA) is never
 * resent on its own: an admin decides, knowing it may have arrived.
 */
export function MessagesCard({ campaignId, live, canDecide, reason }: { campaignId: number; live: boolean; canDecide: boolean; reason: string | null }) {
  const [status, setStatus] = useState<MessageStatus | null>(null);
  const [offset, setOffset] = useState(0);
  const messages = useMessages(campaignId, status, offset, live);
  const decide = useDecideMessage(campaignId);
  const { toast } = useToast();
  const [open, setOpen] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<{ message: MessageItem; decision: 'resend' | 'discard' } | null>(null);

  async function run() {
    if (!confirm) return;
    try {
      await decide.mutateAsync({ id: confirm.message.id, decision: confirm.decision });
      toast({ tone: 'success', title: confirm.decision === 'resend' ? 'Queued again' : 'Discarded', description: confirm.message.to });
      void messages.refetch();
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't apply the decision", description: errorMessage(err) });
    } finally {
      setConfirm(null);
    }
  }

  return (
    <Card role="region" aria-labelledby="messages-heading">
      <CardHeader
        id="messages-heading"
        title="Messages"
        actions={
          <OptionSelect
            aria-label="Message status"
            controlSize="sm"
            value={status ?? ''}
            onChange={(e) => {
              setStatus((e.target.value || null) as MessageStatus | null);
              setOffset(0);
            }}
            options={STATUSES}
            labels={MESSAGE_LABELS}
            allLabel="Any status"
          />
        }
      />
      {messages.isError ? (
        <QueryErrorState title="Couldn't load messages" query={messages} />
      ) : messages.isLoading ? (
        <Table><TableSkeleton columns={5} label="Loading messages" /></Table>
      ) : (
        <div className="overflow-x-auto">
          <Table aria-label="Messages">
            <THead>
              <Tr>
                <Th>To</Th>
                <Th>Step</Th>
                <Th>Subject</Th>
                <Th>Status</Th>
                <Th>Sent</Th>
                <Th className="text-right">Decide</Th>
              </Tr>
            </THead>
            <TBody>
              {messages.data?.items.length ? (
                messages.data.items.map((m) => (
                  <Tr key={m.id}>
                    <Td className="text-sm">
                      {m.contact_id ? (
                        <Link to={`/contacts/${m.contact_id}`} className="text-accent-700 hover:underline">
                          {m.to}
                        </Link>
                      ) : (
                        m.to
                      )}
                    </Td>
                    <Td className="text-sm text-gray-700">{m.step ?? '–'}</Td>
                    <Td className="max-w-xs truncate text-sm">
                      <button type="button" className="truncate text-left text-gray-800 hover:text-accent-700 hover:underline" onClick={() => setOpen(m.id)}>
                        {m.subject}
                      </button>
                    </Td>
                    <Td>
                      <MessageStatusBadge status={m.status} />
                      {m.resolution ? <span className="ml-1 text-xs text-gray-500">({m.resolution})</span> : null}
                      {m.error ? <p className="mt-0.5 max-w-xs text-xs text-gray-600">{m.error}</p> : null}
                    </Td>
                    <Td className="text-sm text-gray-600">{formatDateTime(m.sent_at)}</Td>
                    <Td className="text-right">
                      {(m.status === 'unknown' || m.status === 'failed') && !m.resolution ? (
                        <div className="flex justify-end gap-1.5">
                          <Button size="sm" variant="secondary" disabled={!canDecide} title={reason ?? undefined} onClick={() => setConfirm({ message: m, decision: 'resend' })}>
                            Resend
                          </Button>
                          <Button size="sm" variant="ghost" disabled={!canDecide} title={reason ?? undefined} onClick={() => setConfirm({ message: m, decision: 'discard' })}>
                            Discard
                          </Button>
                        </div>
                      ) : null}
                    </Td>
                  </Tr>
                ))
              ) : (
                <TableEmptyRow columns={6}>{status ? `No ${MESSAGE_LABELS[status].toLowerCase()} message.` : 'No message yet: they appear once the campaign is prepared.'}</TableEmptyRow>
              )}
            </TBody>
          </Table>
          {messages.data && messages.data.total > PAGE ? (
            <div className="border-t border-gray-100 px-4 py-2">
              <Pagination offset={offset} limit={PAGE} total={messages.data.total} onOffsetChange={setOffset} label="Message pages" />
            </div>
          ) : null}
        </div>
      )}
      <MessageDialog messageId={open} onClose={() => setOpen(null)} />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.decision === 'resend' ? 'Send this message again?' : 'Discard this message?'}
        description={
          confirm?.decision === 'resend'
            ? confirm.message.status === 'unknown'
              ? `The connection dropped after the message was handed over, so ${confirm.message.to} may already have it. Sending again may deliver it twice.`
              : `It goes to ${confirm.message.to} with the next send.`
            : 'It will not be sent; the contact moves on to the next step.'
        }
        confirmLabel={confirm?.decision === 'resend' ? 'Send again' : 'Discard'}
        tone={confirm?.decision === 'discard' ? 'danger' : 'primary'}
        pending={decide.isPending}
        onConfirm={() => void run()}
        onCancel={() => setConfirm(null)}
      />
    </Card>
  );
}
