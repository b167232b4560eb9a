import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  GuardedButton,
  QueryErrorState,
  SelectField,
  Skeleton,
  Table,
  TBody,
  Td,
  TextField,
  Th,
  THead,
  Tr,
  useToast,
} from '@/components/ui';
import { SequenceReasonBadge } from '@/components/email/badges';
import { errorMessage } from '@/lib/api/problem';
import { useGate } from '@/lib/auth';
import { formatNumber } from '@/lib/format';
import { type Exclusion } from '../api';
import { useEligibility, useRecordLegalBasis } from '../hooks/useCampaigns';

/** Who the campaign would reach, who it would not and why; an admin records a missing legal basis here. */
export function EligibilityCard({ campaignId }: { campaignId: number }) {
  const eligibility = useEligibility(campaignId, true);
  const gate = useGate('admin', 'record a legal basis');
  const [recording, setRecording] = useState<Exclusion | null>(null);
  const data = eligibility.data;
  return (
    <Card role="region" aria-labelledby="eligibility-heading">
      <CardHeader
        id="eligibility-heading"
        title="Eligibility"
        description="Checked again at send time: suppression, unsubscribes, replies and the legal basis (DE/AT/CH need consent or an existing customer relationship)."
        actions={
          <Button size="sm" variant="secondary" loading={eligibility.isFetching} onClick={() => void eligibility.refetch()}>
            Check again
          </Button>
        }
      />
      <div className="space-y-4 p-5">
        {eligibility.isError ? (
          <QueryErrorState title="Couldn't check eligibility" query={eligibility} />
        ) : !data ? (
          <Skeleton className="h-20 w-full" />
        ) : (
          <>
            <p className="text-sm text-gray-900" data-testid="eligibility-summary">
              <strong>{formatNumber(data.eligible)}</strong> of {formatNumber(data.total)} contacts will get the sequence
              {data.excluded.length ? `; ${formatNumber(data.excluded.length)} excluded.` : '.'}
            </p>
            {data.excluded.length ? (
              <div className="overflow-x-auto">
                <Table aria-label="Excluded contacts">
                  <THead>
                    <Tr>
                      <Th>Contact</Th>
                      <Th>Why</Th>
                      <Th className="text-right">Action</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {data.excluded.map((x) => (
                      <Tr key={`${x.contact_id}-${x.reason}`}>
                        <Td>
                          <Link to={`/contacts/${x.contact_id}`} className="font-medium text-accent-700 hover:underline">
                            {x.name ?? `Contact ${x.contact_id}`}
                          </Link>
                          {x.email ? <div className="text-xs text-gray-500">{x.email}</div> : null}
                        </Td>
                        <Td>
                          <SequenceReasonBadge reason={x.reason} />
                          <p className="mt-1 text-xs text-gray-600">{x.detail}</p>
                        </Td>
                        <Td className="text-right">
                          {x.reason === 'legal_basis' ? (
                            <GuardedButton size="sm" variant="secondary" reason={gate.reason} onClick={() => setRecording(x)} aria-label={`Record legal basis for ${x.name ?? x.contact_id}`}>
                              Record legal basis
                            </GuardedButton>
                          ) : null}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            ) : null}
            {data.lint.length ? (
              <div>
                <p className="text-sm font-medium text-amber-900">Variables that would render empty</p>
                <ul aria-label="Empty variables" className="mt-1 space-y-0.5 text-sm text-gray-700">
                  {data.lint.slice(0, 50).map((l) => (
                    <li key={`${l.contact_id}-${l.step}`}>
                      <Link to={`/contacts/${l.contact_id}`} className="text-accent-700 hover:underline">
                        Contact {l.contact_id}
                      </Link>
                      , step {l.step}: <span className="font-mono text-xs">{l.empty_variables.join(', ')}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        )}
      </div>
      {recording ? <LegalBasisDialog campaignId={campaignId} exclusion={recording} onClose={() => setRecording(null)} /> : null}
    </Card>
  );
}

function LegalBasisDialog({ campaignId, exclusion, onClose }: { campaignId: number; exclusion: Exclusion; onClose: () => void }) {
  const record = useRecordLegalBasis(campaignId);
  const { toast } = useToast();
  const [basis, setBasis] = useState<'consent' | 'existing_customer'>('consent');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const who = exclusion.name ?? `Contact ${exclusion.contact_id}`;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (basis === 'consent' && !source.trim()) {
      setError('Say where and when the consent was given.');
      return;
    }
    try {
      await record.mutateAsync({ contactId: exclusion.contact_id, basis, source: source.trim() });
      toast({ tone: 'success', title: 'Legal basis recorded', description: `${who} can be included now.` });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Legal basis for ${who}`}
      description="Advertising e-mail to companies in Germany, Austria and Switzerland needs prior consent or an existing customer relationship. The record is kept on the contact."
      footer={<DialogActions form="legal-basis-form" submitLabel="Record legal basis" pending={record.isPending} onCancel={onClose} />}
    >
      <form id="legal-basis-form" noValidate onSubmit={onSubmit} className="space-y-4">
        <SelectField label="Legal basis" value={basis} onChange={(e) => setBasis(e.target.value as 'consent' | 'existing_customer')}>
          <option value="consent">Consent</option>
          <option value="existing_customer">Existing customer</option>
        </SelectField>
        <TextField
          label="Source"
          value={source}
          error={error ?? undefined}
          onChange={(e) => {
            setSource(e.target.value);
            setError(null);
          }}
          hint="Where and when, e.g. “Trade fair form, 2026-03-12”."
        />
      </form>
    </Dialog>
  );
}
