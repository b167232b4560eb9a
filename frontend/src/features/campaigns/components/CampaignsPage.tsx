import { Link } from 'react-router';
import {
  Card,
  EmptyState,
  PageHeader,
  PlusIcon,
  ProgressBar,
  QueryErrorState,
  SendIcon,
  Table,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
} from '@/components/ui';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useCampaignList } from '../hooks/useCampaigns';
import { CampaignStatusBadge } from './StatusBadges';

const newLink = (
  <Link to="/campaigns/new" className="inline-flex h-10 items-center gap-2 rounded-lg bg-accent-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-accent-700">
    <PlusIcon className="size-4" />
    New campaign
  </Link>
);

/** Every campaign with its state and how far it got. */
export function CampaignsPage() {
  const list = useCampaignList();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title="Campaigns" description="Multi-step sequences from your own mailboxes; anyone builds drafts, an admin starts them." actions={newLink} />
      {list.isError ? (
        <QueryErrorState title="Couldn't load campaigns" query={list} />
      ) : list.isLoading ? (
        <Card>
          <Table><TableSkeleton columns={4} label="Loading campaigns" /></Table>
        </Card>
      ) : items.length === 0 ? (
        <EmptyState icon={<SendIcon />} title="No campaign yet" description="Pick an audience, the steps and a mailbox; an admin starts it." action={newLink} />
      ) : (
        <Card className="overflow-x-auto">
          <Table aria-label="Campaigns">
            <THead>
              <Tr>
                <Th>Campaign</Th>
                <Th>Status</Th>
                <Th className="w-64">Progress</Th>
                <Th>Replies</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((c) => {
                const done = c.progress.total - c.progress.pending;
                return (
                  <Tr key={c.id}>
                    <Td>
                      <Link to={`/campaigns/${c.id}`} className="font-medium text-accent-700 hover:underline">
                        {c.name}
                      </Link>
                      <div className="text-xs text-gray-500">
                        {c.steps.length} step{c.steps.length === 1 ? '' : 's'} · created {formatDateTime(c.created_at)}
                      </div>
                    </Td>
                    <Td>
                      <CampaignStatusBadge status={c.status} />
                    </Td>
                    <Td>
                      <ProgressBar value={done} max={c.progress.total || 1} label={`Progress of ${c.name}`} />
                      <div className="mt-1 text-xs text-gray-600">
                        {formatNumber(c.progress.sent)} sent of {formatNumber(c.progress.total)}
                        {c.progress.failed + c.progress.unknown ? ` · ${formatNumber(c.progress.failed + c.progress.unknown)} need a look` : ''}
                      </div>
                    </Td>
                    <Td className="text-sm text-gray-700">{formatNumber(c.progress.replied)}</Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        </Card>
      )}
    </>
  );
}
