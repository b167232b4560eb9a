import { useState } from 'react';
import { Link } from 'react-router';
import {
  AlertIcon,
  Badge,
  CheckIcon,
  Card,
  Dialog,
  EmptyState,
  GuardedButton,
  MailIcon,
  PageHeader,
  PencilIcon,
  PlusIcon,
  QueryErrorState,
  RefreshIcon,
  Table,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { useGate } from '@/lib/auth';
import { formatNumber } from '@/lib/format';
import { isCatcher, isPaused, SECURITY_LABELS, type Security, type ConnectionStep, type ConnectionTest, type MailboxRead } from '../api';
import { useMailboxes, useResumeMailbox, useTestMailbox } from '../hooks/useMailboxes';
import { MailboxFormDialog, WEEKDAYS } from './MailboxFormDialog';

function windowText(m: MailboxRead): string {
  const w = m.send_window;
  if (!w) return 'Any time';
  const weekdays = w.weekdays ?? [0, 1, 2, 3, 4];
  const days = weekdays.length === 7 ? 'Every day' : weekdays.map((d) => WEEKDAYS[d]).join(', ');
  return `${days} ${w.start ?? '08:00'}–${w.end ?? '17:00'}`;
}

export function MailboxesPage() {
  const mailboxes = useMailboxes();
  const manage = useGate('writer', 'change or test mailboxes', { refusedInDemo: 'mailbox' });
  const [editing, setEditing] = useState<MailboxRead | 'new' | null>(null);
  const [tested, setTested] = useState<{ mailbox: MailboxRead; result: ConnectionTest | null; error: string | null } | null>(null);
  const test = useTestMailbox();
  const resume = useResumeMailbox();
  const { toast } = useToast();

  async function runTest(m: MailboxRead) {
    setTested({ mailbox: m, result: null, error: null });
    try {
      const result = await test.mutateAsync(m.id);
      setTested({ mailbox: m, result, error: null });
    } catch (err) {
      setTested({ mailbox: m, result: null, error: errorMessage(err) });
    }
  }

  async function unpause(m: MailboxRead) {
    try {
      await resume.mutateAsync(m.id);
      toast({ tone: 'success', title: 'Mailbox resumed', description: `${m.name} sends again.` });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't resume the mailbox", description: errorMessage(err) });
    }
  }

  const items = mailboxes.data ?? [];
  const catcher = items.find(isCatcher);

  return (
    <>
      <PageHeader
        title="Mailboxes"
        description="The accounts campaigns send from, their pacing, and whether they are paused."
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {catcher ? (
              <Link to="/mailboxes/caught" className="inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium text-accent-700 hover:bg-accent-50">
                <MailIcon className="size-4" />
                Caught mail
              </Link>
            ) : null}
            <GuardedButton reason={manage.reason} icon={<PlusIcon className="size-4" />} onClick={() => setEditing('new')}>
              Add mailbox
            </GuardedButton>
          </div>
        }
      />

      {mailboxes.isError ? (
        <QueryErrorState title="Couldn't load mailboxes" query={mailboxes} />
      ) : mailboxes.isLoading ? (
        <Card>
          <Table><TableSkeleton columns={5} label="Loading mailboxes" /></Table>
        </Card>
      ) : items.length === 0 ? (
        <EmptyState icon={<MailIcon />} title="No mailbox yet" description="Add the SMTP account your campaigns should send from." />
      ) : (
        <Card className="overflow-x-auto">
          <Table aria-label="Mailboxes">
            <THead>
              <Tr>
                <Th>Mailbox</Th>
                <Th>Server</Th>
                <Th>Pacing</Th>
                <Th>State</Th>
                <Th className="text-right">Actions</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((m) => (
                <Tr key={m.id}>
                  <Td>
                    <div className="flex items-center gap-2 font-medium text-gray-900">
                      {m.name}
                      {isCatcher(m) ? <Badge tone="info">Local catcher</Badge> : null}
                    </div>
                    <div className="text-xs text-gray-500">{m.from_name ? `${m.from_name} <${m.from_email}>` : m.from_email}</div>
                  </Td>
                  <Td className="text-sm text-gray-700">
                    <div>
                      SMTP {m.smtp_host}:{m.smtp_port} · {SECURITY_LABELS[m.smtp_security as Security] ?? m.smtp_security}
                    </div>
                    <div className="text-xs text-gray-500">{m.imap_host ? `IMAP ${m.imap_host}:${m.imap_port}` : 'No IMAP: replies are not read'}</div>
                  </Td>
                  <Td className="text-sm text-gray-700">
                    <div>
                      {m.daily_limit ? `${formatNumber(m.sent_last_24h ?? 0)} / ${formatNumber(m.daily_limit)} in 24 h` : 'No daily cap'}
                    </div>
                    <div className="text-xs text-gray-500">
                      {m.min_gap_seconds ? `Gap ${m.min_gap_seconds} s` : `No gap, up to ${m.max_connections} connections`} · {windowText(m)}
                      {m.warmup ? ` · warm-up from ${m.warmup.start_per_day}/day, +${m.warmup.step_per_day} a day` : ''}
                    </div>
                  </Td>
                  <Td>
                    {isPaused(m) ? (
                      <div className="space-y-1">
                        <Badge tone="danger">Paused</Badge>
                        <p className="max-w-72 text-xs text-red-800">{m.paused_reason}</p>
                      </div>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </Td>
                  <Td className="text-right">
                    <div className="flex flex-wrap justify-end gap-1.5">
                      <GuardedButton size="sm" variant="secondary" reason={manage.reason} icon={<RefreshIcon className="size-4" />} loading={test.isPending && tested?.mailbox.id === m.id} onClick={() => void runTest(m)}>
                        Test connection
                      </GuardedButton>
                      {isPaused(m) ? (
                        <GuardedButton size="sm" variant="secondary" reason={manage.reason} loading={resume.isPending} onClick={() => void unpause(m)}>
                          Resume
                        </GuardedButton>
                      ) : null}
                      <GuardedButton size="sm" variant="ghost" reason={manage.reason} icon={<PencilIcon className="size-4" />} onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`}>
                        Edit
                      </GuardedButton>
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      )}

      {editing !== null ? (
        <MailboxFormDialog key={editing === 'new' ? 'new' : editing.id} open mailbox={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}

      <Dialog open={tested !== null} onClose={() => setTested(null)} title={tested ? `Connection test: ${tested.mailbox.name}` : 'Connection test'} description="What the servers answered, word for word.">
        {tested?.error ? (
          <p role="alert" className="text-sm text-red-800">
            {tested.error}
          </p>
        ) : tested?.result ? (
          <div className="space-y-3">
            <p className="flex items-center gap-2 text-sm font-medium text-gray-900">
              {tested.result.ok ? <Badge tone="success">Works</Badge> : <Badge tone="danger">Failed</Badge>}
              {tested.result.error ?? (tested.result.ok ? 'Every step answered as expected.' : null)}
            </p>
            <ol aria-label="Steps" className="space-y-3">
              {tested.result.steps.map((step, i) => (
                <StepResult key={i} step={step} />
              ))}
            </ol>
          </div>
        ) : (
          <p className="text-sm text-gray-600" role="status">
            Connecting…
          </p>
        )}
      </Dialog>
    </>
  );
}

function StepResult({ step }: { step: ConnectionStep }) {
  return (
    <li aria-label={step.name} className="space-y-1">
      <div className="flex items-center gap-2 text-sm font-medium text-gray-900">
        {step.ok ? <CheckIcon className="size-4 text-emerald-600" /> : <AlertIcon className="size-4 text-red-600" />}
        {step.name}
      </div>
      <pre className="max-h-40 overflow-auto rounded-lg bg-gray-900 px-3 py-2 font-mono text-xs whitespace-pre-wrap text-gray-100">{step.reply}</pre>
    </li>
  );
}
