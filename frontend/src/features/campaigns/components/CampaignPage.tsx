import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { BackLink, ConfirmDialog, GuardedButton, PencilIcon, RecordLoadError, RecordNotFound, SendIcon, Skeleton, useToast } from '@/components/ui';
import { errorMessage, isNotFound } from '@/lib/api/problem';
import { useGate } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useRouteId } from '@/lib/useRouteId';
import { fullWindow, WEEKDAYS, type CampaignDetail, type CampaignStatus, type StateAction } from '../api';
import { campaignKeys, useCampaign, useCampaignState, useCampaignStats, useInterestedCount, useTemplateOptions } from '../hooks/useCampaigns';
import { AiLinesCard } from './AiLinesCard';
import { ActivityChart, FunnelCard, ProgressCard } from './CampaignStats';
import { EligibilityCard } from './EligibilityCard';
import { MessagesCard } from './MessagesCard';
import { VariantsCard } from './VariantsCard';
import { CampaignStatusBadge } from './StatusBadges';

const backLink = <BackLink to="/campaigns">Campaigns</BackLink>;

/** Which state changes a status allows, in the order the buttons show. */
const ACTIONS: Record<CampaignStatus, StateAction[]> = { draft: ['start'], running: ['pause', 'stop'], paused: ['resume', 'stop'], stopped: [], finished: [] };
const ACTION_LABELS: Record<StateAction, string> = { start: 'Start', pause: 'Pause', resume: 'Resume', stop: 'Stop' };

export function CampaignPage() {
  const id = useRouteId('campaignId');
  const query = useCampaign(id);
  if (!id || isNotFound(query.error)) {
    return <RecordNotFound back={backLink} icon={<SendIcon />} title="Campaign not found" description="It may have been deleted." action={{ to: '/campaigns', label: 'Back to campaigns' }} />;
  }
  if (query.isLoading) return <Skeleton className="h-96 w-full" />;
  if (!query.data) return <RecordLoadError back={backLink} title="Couldn't load the campaign" query={query} />;
  return <CampaignView campaign={query.data} />;
}

function CampaignView({ campaign }: { campaign: CampaignDetail }) {
  const live = campaign.status === 'running';
  const gate = useGate('admin', 'start, pause, resume or stop a campaign', { refusedInDemo: 'campaign' });
  const review = useGate('writer', 'review AI lines', { role: true });
  const decide = useGate('admin', 'resend or discard a message', { refusedInDemo: 'resend' });
  const change = useCampaignState(campaign.id);
  const stats = useCampaignStats(campaign.id, live);
  const interested = useInterestedCount(campaign.id, live);
  const templates = useTemplateOptions();
  const { toast } = useToast();
  const [confirmStop, setConfirmStop] = useState(false);
  const qc = useQueryClient();
  const progressKey = JSON.stringify([campaign.status, campaign.progress]);
  // The ledger and the numbers follow the campaign: when its progress moves, they are stale too
  // (the last poll of a campaign that just finished included).
  const seen = useRef(progressKey);
  useEffect(() => {
    if (seen.current === progressKey) return;
    seen.current = progressKey;
    void qc.invalidateQueries({ queryKey: [...campaignKeys.detail(campaign.id), 'messages'] });
    void qc.invalidateQueries({ queryKey: campaignKeys.stats(campaign.id) });
  }, [qc, campaign.id, progressKey]);

  async function act(action: StateAction) {
    try {
      const result = await change.mutateAsync(action);
      toast({ tone: 'success', title: `Campaign ${result.status}`, description: campaign.name });
    } catch (err) {
      toast({ tone: 'error', title: `Couldn't ${action} the campaign`, description: errorMessage(err) });
    }
  }

  const templateName = (tid: number) => templates.data?.find((t) => t.id === tid)?.name ?? `Template ${tid}`;
  const w = campaign.send_window ? fullWindow(campaign.send_window) : null;

  return (
    <>
      {backLink}
      <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="space-y-1.5">
          <div className="flex items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{campaign.name}</h1>
            <CampaignStatusBadge status={campaign.status} />
          </div>
          <p className="text-sm text-gray-600">
            {campaign.contact_ids.length} contacts · {campaign.mailbox_ids.length} mailbox{campaign.mailbox_ids.length === 1 ? '' : 'es'} ·{' '}
            {w ? `${w.weekdays.map((d) => WEEKDAYS[d]).join(', ')} ${w.start}–${w.end} (contact's time)` : 'any time'}
            {campaign.started_at ? ` · started ${formatDateTime(campaign.started_at)}` : ''}
          </p>
          <ol aria-label="Steps" className="flex flex-wrap gap-2 text-xs text-gray-700">
            {campaign.steps.map((s) => (
              <li key={s.position} className="rounded-md bg-gray-100 px-2 py-1 ring-1 ring-gray-200 ring-inset">
                {s.position}. {templateName(s.template_id)} · {s.position === 1 && !s.delay_days ? 'at start' : `+${s.delay_days} ${s.business_days ? 'business ' : ''}day${s.delay_days === 1 ? '' : 's'}`}
                {s.variants?.length ? ` · A/B: ${['A', ...s.variants.map((v) => v.label)].join(', ')}` : ''}
              </li>
            ))}
          </ol>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {campaign.status === 'draft' ? (
            <Link to={`/campaigns/${campaign.id}/edit`} className="inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium text-gray-700 ring-1 ring-gray-300 hover:bg-gray-50">
              <PencilIcon className="size-4" />
              Edit draft
            </Link>
          ) : null}
          {ACTIONS[campaign.status].map((a) => (
            <GuardedButton
              key={a}
              reason={gate.reason}
              variant={a === 'stop' ? 'danger' : a === 'pause' ? 'secondary' : 'primary'}
              loading={change.isPending && change.variables === a}
              disabled={change.isPending}
              onClick={() => (a === 'stop' ? setConfirmStop(true) : void act(a))}
            >
              {ACTION_LABELS[a]}
            </GuardedButton>
          ))}
        </div>
      </header>

      <div className="grid gap-6">
        <ProgressCard progress={campaign.progress} live={live} />
        <div className="grid gap-6 lg:grid-cols-2">
          <FunnelCard stats={stats.data} interested={interested.data} progress={campaign.progress} tracking={{ opens: campaign.track_opens, clicks: campaign.track_clicks }} />
          <ActivityChart series={stats.data?.series ?? []} />
        </div>
        {stats.data?.variants?.length ? (
          <VariantsCard variants={stats.data.variants} templates={templates.data} tracking={{ opens: campaign.track_opens, clicks: campaign.track_clicks }} />
        ) : null}
        {campaign.status === 'draft' || campaign.status === 'paused' ? <EligibilityCard campaignId={campaign.id} /> : null}
        <AiLinesCard
          campaignId={campaign.id}
          hasAiSteps={campaign.steps.some((s) => s.ai_line)}
          isDraft={campaign.status === 'draft'}
          canReview={review.allowed && (campaign.status === 'draft' || campaign.status === 'paused')} reason={review.reason} />
        <MessagesCard campaignId={campaign.id} live={live} canDecide={decide.allowed} reason={decide.reason} />
      </div>

      <ConfirmDialog
        open={confirmStop}
        title="Stop this campaign?"
        description="No further message is sent from it. A stopped campaign cannot be resumed."
        confirmLabel="Stop campaign"
        tone="danger"
        pending={change.isPending}
        onConfirm={() => {
          setConfirmStop(false);
          void act('stop');
        }}
        onCancel={() => setConfirmStop(false)}
      />
    </>
  );
}
