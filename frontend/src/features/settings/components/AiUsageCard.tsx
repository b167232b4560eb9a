import type { ReactNode } from 'react';
import { AiBadge, Card, CardHeader, ErrorState, ProgressBar, Skeleton, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth';
import { formatCost, formatDateTime, formatDuration, formatNumber, formatTime } from '@/lib/format';
import type { UsageRead } from '../api';
import { useAiProvider, useAiUsage } from '../hooks/useAiUsage';

function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-lg bg-gray-50 px-4 py-3 ring-1 ring-gray-200 ring-inset">
      <dt className="text-xs font-medium text-gray-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-gray-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-gray-500">{detail}</dd> : null}
    </div>
  );
}

function BudgetBar({ label, used, total, left }: { label: string; used: number; total: number; left: string }) {
  const exhausted = used >= total;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-gray-800">{label}</span>
        <span className={exhausted ? 'font-medium text-red-700' : 'text-gray-600'} data-testid={`budget-${label}`}>
          {left}
        </span>
      </div>
      <ProgressBar value={Math.min(used, total)} max={total} label={`${label}: ${left}`} />
    </div>
  );
}

function resetsText(usage: UsageRead, now = Date.now()): string {
  const at = new Date(usage.resets_at);
  if (Number.isNaN(at.getTime())) return '';
  const seconds = (at.getTime() - now) / 1000;
  return seconds > 0 ? `Resets at ${formatTime(at)} (in ${formatDuration(seconds)}).` : `Reset at ${formatDateTime(usage.resets_at)}.`;
}

/** Today's AI calls, tokens and cost, with the daily budget left (and, for admins, everyone's usage). */
export function AiUsageCard() {
  const usage = useAiUsage();
  const provider = useAiProvider();
  const { user } = useAuth();
  const me = user ? `user:${user.id}` : null;
  const u = usage.data;

  return (
    <Card role="region" aria-labelledby="ai-usage-heading">
      <CardHeader
        id="ai-usage-heading"
        title="AI usage"
        description={u ? `Today (${u.day}, UTC). ${resetsText(u)}` : 'Today, per UTC day.'}
        actions={provider.data ? <AiBadge isAi={provider.data.is_ai} model={provider.data.model} /> : null}
      />
      {usage.isLoading ? (
        <div className="grid gap-3 p-5 sm:grid-cols-3" aria-busy="true" aria-label="Loading AI usage">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-16" />
          ))}
        </div>
      ) : !u ? (
        <ErrorState title="Couldn't load AI usage" message={errorMessage(usage.error)} onRetry={() => void usage.refetch()} retrying={usage.isFetching} />
      ) : (
        <div className="space-y-5 p-5">
          <dl className="grid gap-3 sm:grid-cols-3">
            <Stat label="Calls" value={formatNumber(u.mine.calls)} detail={`${formatNumber(u.mine.cached_calls)} from the cache`} />
            <Stat
              label="Tokens"
              value={formatNumber(u.mine.prompt_tokens + u.mine.completion_tokens)}
              detail={`${formatNumber(u.mine.prompt_tokens)} in · ${formatNumber(u.mine.completion_tokens)} out`}
            />
            <Stat label="Cost" value={formatCost(u.mine.cost)} />
          </dl>

          <div className="space-y-4">
            {u.budget_usd !== null && u.budget_usd !== undefined ? (
              <BudgetBar
                label="Daily budget"
                used={u.budget_usd - (u.remaining_usd ?? 0)}
                total={u.budget_usd}
                left={`${formatCost(u.remaining_usd ?? 0)} of ${formatCost(u.budget_usd)} left`}
              />
            ) : null}
            {u.token_budget !== null && u.token_budget !== undefined ? (
              <BudgetBar
                label="Daily tokens"
                used={u.token_budget - (u.remaining_tokens ?? 0)}
                total={u.token_budget}
                left={`${formatNumber(u.remaining_tokens ?? 0)} of ${formatNumber(u.token_budget)} left`}
              />
            ) : null}
            {u.budget_usd == null && u.token_budget == null ? (
              <p className="text-sm text-gray-600">No daily AI budget applies to you.</p>
            ) : (
              <p className="text-xs text-gray-500">When the budget is used up, AI requests are refused until it resets. Answers from the cache stay free.</p>
            )}
          </div>

          {u.users?.length ? (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-gray-900">Everyone today</h3>
              <Table aria-label="AI usage by user today">
                <THead>
                  <tr>
                    <Th>Who</Th>
                    <Th className="text-right">Calls</Th>
                    <Th className="text-right">Tokens</Th>
                    <Th className="text-right">Cost</Th>
                  </tr>
                </THead>
                <TBody>
                  {u.users.map((line) => (
                    <Tr key={line.principal}>
                      <Td className="max-w-56 truncate font-mono text-xs">{line.principal === me ? 'You' : line.principal}</Td>
                      <Td className="text-right tabular-nums">{formatNumber(line.calls)}</Td>
                      <Td className="text-right tabular-nums">{formatNumber(line.prompt_tokens + line.completion_tokens)}</Td>
                      <Td className="text-right tabular-nums">{formatCost(line.cost)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
