import { useState } from 'react';
import { Link } from 'react-router';
import { AiBadge, Badge, Button, Card, CardHeader, ExternalLink, isRulesModel, Table, TBody, Td, Textarea, Th, THead, Tr, useToast } from '@/components/ui';
import { errorMessage, isNotFound } from '@/lib/api/problem';
import { useDemo } from '@/lib/demo';
import type { AiLine, AiLineStatus } from '../api';
import { useAiLines, useGenerateAiLines, useUpdateAiLine } from '../hooks/useCampaigns';

const STATUS_TONE: Record<AiLineStatus, 'neutral' | 'success' | 'info' | 'danger'> = { proposed: 'neutral', accepted: 'success', edited: 'info', rejected: 'danger' };

/** The personal opening lines the AI proposed, each with the page it came from; reviewed before start. */
export function AiLinesCard({
  campaignId,
  hasAiSteps,
  isDraft,
  canReview,
  reason,
}: {
  campaignId: number;
  hasAiSteps: boolean;
  isDraft: boolean;
  canReview: boolean;
  reason: string | null;
}) {
  // No AI call in the public demo: nothing is made there, so nothing to wait for or ask.
  const aiOff = useDemo().reason('ai');
  // A draft whose step asks for lines gets them made after each save: wait for them (polling stops once some are there).
  const [waiting, setWaiting] = useState(isDraft && hasAiSteps && !aiOff);
  const lines = useAiLines(campaignId, waiting);
  const generate = useGenerateAiLines(campaignId);
  const { toast } = useToast();
  const empty = !!lines.data && lines.data.items.length === 0;
  // No AI-line step and no line: nothing to review (a service without the route answers 404 too).
  if (isNotFound(lines.error) || (empty && !hasAiSteps)) return null;

  async function make() {
    try {
      await generate.mutateAsync();
      setWaiting(true);
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't make the AI lines", description: errorMessage(err) });
    }
  }

  return (
    <Card role="region" aria-labelledby="ai-lines-heading">
      <CardHeader
        id="ai-lines-heading"
        title="AI opening lines"
        description="Check each line against its source. Accept, edit or reject before the campaign starts; only accepted or edited lines are sent."
        actions={
          isDraft && hasAiSteps ? (
            <Button size="sm" variant="secondary" loading={generate.isPending || (waiting && empty)} disabled={!canReview || !!aiOff} title={aiOff ?? reason ?? undefined} onClick={() => void make()}>
              Make missing lines
            </Button>
          ) : null
        }
      />
      <div className="overflow-x-auto">
        {empty ? (
          <p className="p-5 text-sm text-gray-600">{aiOff ?? (waiting ? 'Reading the contacts’ websites and writing lines…' : 'No line yet: make them, then review them here.')}</p>
        ) : lines.isError ? (
          <p className="p-5 text-sm text-red-700">{errorMessage(lines.error)}</p>
        ) : (
          <Table aria-label="AI opening lines">
            <THead>
              <Tr>
                <Th>Contact</Th>
                <Th>Line</Th>
                <Th>Source</Th>
                <Th className="text-right">Review</Th>
              </Tr>
            </THead>
            <TBody>
              {(lines.data?.items ?? []).map((l) => (
                <AiLineRow key={l.id} line={l} campaignId={campaignId} canReview={canReview} reason={reason} />
              ))}
            </TBody>
          </Table>
        )}
      </div>
      {!canReview && reason ? <p className="px-5 pb-4 text-xs text-gray-500">{reason}</p> : null}
    </Card>
  );
}

function AiLineRow({ line, campaignId, canReview, reason }: { line: AiLine; campaignId: number; canReview: boolean; reason: string | null }) {
  const update = useUpdateAiLine(campaignId);
  const { toast } = useToast();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(line.line);
  const isAi = !!line.provider && !isRulesModel(line.provider);

  async function decide(change: { status: 'accepted' | 'rejected' } | { line: string }) {
    try {
      await update.mutateAsync({ id: line.id, ...change });
      setEditing(false);
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't save the review", description: errorMessage(err) });
    }
  }

  return (
    <Tr>
      <Td className="align-top">
        <Link to={`/contacts/${line.contact_id}`} className="font-medium text-accent-700 hover:underline">
          Contact {line.contact_id}
        </Link>
        <div className="text-xs text-gray-500">Step {line.step}</div>
      </Td>
      <Td className="max-w-md align-top">
        {editing ? (
          <div className="space-y-2">
            <Textarea aria-label={`Line for contact ${line.contact_id}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
            <div className="flex gap-2">
              <Button size="sm" loading={update.isPending} disabled={!text.trim()} onClick={() => void decide({ line: text.trim() })}>
                Save line
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <p className="text-sm text-gray-900">{line.line}</p>
        )}
        <div className="mt-1 flex items-center gap-2">
          <AiBadge isAi={isAi} model={line.provider} />
          <Badge tone={STATUS_TONE[line.status]}>{line.status}</Badge>
        </div>
      </Td>
      <Td className="max-w-xs align-top text-xs text-gray-600">
        {line.snippet ? <blockquote className="border-l-2 border-gray-300 pl-2 italic">“{line.snippet}”</blockquote> : null}
        {line.source_url ? <ExternalLink href={line.source_url}>{line.source_url}</ExternalLink> : <span>No source</span>}
      </Td>
      <Td className="text-right align-top">
        <div className="flex flex-wrap justify-end gap-1.5">
          <Button size="sm" variant="secondary" disabled={!canReview || line.status === 'accepted'} title={reason ?? undefined} onClick={() => void decide({ status: 'accepted' })}>
            Accept
          </Button>
          <Button size="sm" variant="ghost" disabled={!canReview} title={reason ?? undefined} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" disabled={!canReview || line.status === 'rejected'} title={reason ?? undefined} onClick={() => void decide({ status: 'rejected' })}>
            Reject
          </Button>
        </div>
      </Td>
    </Tr>
  );
}
