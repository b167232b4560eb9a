import type { ReactNode } from 'react';
import { describeAiError } from '@/lib/aiErrors';
import { cn } from '@/lib/cn';
import { formatCost, formatNumber } from '@/lib/format';
import { Alert } from './Alert';
import { Badge } from './Badge';
import { SparklesIcon } from './icons';

/** "openai:gpt-4o-mini" → "gpt-4o-mini" (evidence stores provider:model). */
export function modelName(model: string | null | undefined): string {
  if (!model) return '';
  const i = model.indexOf(':');
  return i >= 0 ? model.slice(i + 1) : model;
}

/** Whether a "provider:model" string (or a provider name) is the rules-based heuristic, not a model. */
export function isRulesModel(model: string | null | undefined): boolean {
  return !!model && /^heuristic(:|$)/.test(model);
}

/**
 * Who wrote a piece of AI output: "AI: gpt-4o-mini", or "Rules (not AI)" when the heuristic provider
 * answered. Shown wherever AI output appears.
 */
export function AiBadge({ isAi, model, className }: { isAi: boolean; model: string | null | undefined; className?: string }) {
  const name = modelName(model);
  return isAi ? (
    <Badge tone="accent" className={cn('gap-1', className)}>
      <SparklesIcon className="size-3" />
      AI: {name || 'model'}
    </Badge>
  ) : (
    <Badge tone="neutral" className={className}>
      Rules (not AI)
    </Badge>
  );
}

/** How a result was made and what it cost (the `ai` block of every AI response). */
export type AiMetaInfo = {
  provider: string;
  model: string;
  generated_by: string;
  prompt_name: string;
  prompt_version: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  price_known: boolean;
  cached: boolean;
  input_truncated: boolean;
};

/** Badge + tokens + cost + "cached" + prompt version, in one quiet line. */
export function AiMetaLine({ meta, className, extra }: { meta: AiMetaInfo; className?: string; extra?: ReactNode }) {
  const isAi = meta.generated_by === 'model';
  const tokens = meta.prompt_tokens + meta.completion_tokens;
  return (
    <div className={cn('flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-gray-600', className)} data-testid="ai-meta">
      <AiBadge isAi={isAi} model={meta.model} />
      {isAi ? (
        <span title={`${formatNumber(meta.prompt_tokens)} prompt + ${formatNumber(meta.completion_tokens)} completion tokens`}>
          {formatNumber(tokens)} tokens
        </span>
      ) : null}
      {isAi ? <span>{formatCost(meta.cost, meta.price_known)}</span> : null}
      {meta.cached ? (
        <Badge tone="info" className="py-0">
          cached
        </Badge>
      ) : null}
      <span className="text-gray-500">
        prompt {meta.prompt_name} v{meta.prompt_version}
      </span>
      {meta.input_truncated ? <span className="text-amber-700">input was shortened to fit the model</span> : null}
      {extra}
    </div>
  );
}

/** A failed AI request: the server's detail as text, plus when to try again (from Retry-After). */
export function AiErrorAlert({ error, className, actions }: { error: unknown; className?: string; actions?: ReactNode }) {
  const info = describeAiError(error);
  return (
    <Alert className={className} title={info.title} actions={actions}>
      {info.message}
      {info.retry ? <span className="mt-1 block">{info.retry}</span> : null}
    </Alert>
  );
}

/** The line under a disabled AI control that says why it is disabled. */
export const AI_DEMO_NOTE = 'AI features are switched off for the demo account.';
