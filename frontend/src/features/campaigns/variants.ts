/**
 * A/B variants of a campaign step: the builder's rows, their shares and checks, where the service's
 * 422s belong, and which text leads on the campaign page. Pure functions, so the rules are tested
 * without rendering.
 */
import type { Problem } from '@/lib/api/types';
import type { StepIn, StepRead, VariantStats } from './api';

/** The step's own template is A; its variants are B, C, D in this order (the service labels them by position). */
export const VARIANT_LABELS = ['B', 'C', 'D'] as const;
export const MAX_VARIANTS = VARIANT_LABELS.length;
/** Below this many sent messages per text a reply rate says little, so no leader is named. */
export const MIN_SENT_TO_COMPARE = 20;

export type VariantRow = { template_id: string; weight: string };
export type StepRow = { template_id: string; delay_days: string; business_days: boolean; ai_line: boolean; weight: string; variants: VariantRow[] };

export const variantLabel = (j: number): string => VARIANT_LABELS[j] ?? String(j + 2);

export const newStep = (delay: string, businessDays: boolean): StepRow => ({
  template_id: '',
  delay_days: delay,
  business_days: businessDays,
  ai_line: false,
  weight: '1',
  variants: [],
});

/** A saved step as an editable row (a draft being edited keeps its variants). */
export function stepRowFrom(s: StepRead): StepRow {
  return {
    template_id: String(s.template_id),
    delay_days: String(s.delay_days),
    business_days: s.business_days,
    ai_line: s.ai_line,
    weight: String(s.weight ?? 1),
    variants: (s.variants ?? []).map((v) => ({ template_id: String(v.template_id), weight: String(v.weight ?? 1) })),
  };
}

/** A weight the service accepts: a whole number from 1 to 100. */
export function parseWeight(raw: string): number | null {
  const t = raw.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 100 ? n : null;
}

export const WEIGHT_MESSAGE = 'The weight is a whole number from 1 to 100.';

/** "A 50 % · B 50 %" for a step with variants; null while a weight is not valid (or there is nothing to split). */
export function sharesText(step: StepRow): string | null {
  if (!step.variants.length) return null;
  const weights = [step.weight, ...step.variants.map((v) => v.weight)].map(parseWeight);
  if (weights.some((w) => w === null)) return null;
  const total = (weights as number[]).reduce((a, b) => a + b, 0);
  return (weights as number[]).map((w, j) => `${j === 0 ? 'A' : variantLabel(j - 1)} ${Math.round((w / total) * 100)} %`).join(' · ');
}

/** The builder's own checks of a step's A/B part, keyed like the fields that show them. */
export function variantErrors(step: StepRow, i: number): Record<string, string> {
  const errs: Record<string, string> = {};
  if (!step.variants.length) return errs;
  if (parseWeight(step.weight) === null) errs[`step-${i}-weight`] = WEIGHT_MESSAGE;
  step.variants.forEach((v, j) => {
    if (!v.template_id) errs[`step-${i}-variant-${j}-template`] = `Pick a template for variant ${variantLabel(j)}.`;
    if (parseWeight(v.weight) === null) errs[`step-${i}-variant-${j}-weight`] = WEIGHT_MESSAGE;
  });
  if (step.variants.length > MAX_VARIANTS) errs[`step-${i}-variants`] = `At most ${MAX_VARIANTS} variants (B, C, D).`;
  return errs;
}

/** The request body's step: A's weight always (1 without a test), the variants only when there are some. */
export function stepIn(s: StepRow): StepIn {
  const base: StepIn = { template_id: Number(s.template_id), delay_days: Number(s.delay_days), business_days: s.business_days, ai_line: s.ai_line, weight: 1 };
  if (!s.variants.length) return base;
  return { ...base, weight: Number(s.weight), variants: s.variants.map((v) => ({ template_id: Number(v.template_id), weight: Number(v.weight) })) };
}

/**
 * The service's 422 for steps, keyed like the builder's fields: pydantic's locs name the step and the
 * variant (["body", "steps", "0", "variants", "1", "weight"]); an unknown template comes as loc ["steps"]
 * with "unknown template 12", so it is shown at every field that uses that template.
 */
export function stepErrorsFrom(problem: Problem | null | undefined, steps: StepRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, msg: string) => {
    if (!(key in out)) out[key] = msg;
  };
  for (const e of problem?.errors ?? []) {
    const loc = (e.loc ?? []).map(String).filter((p) => p !== 'body');
    if (loc[0] !== 'steps') continue;
    const i = Number(loc[1]);
    if (loc.length === 1 || !Number.isInteger(i)) {
      const unknown = /unknown template (\d+)/.exec(e.msg)?.[1];
      if (!unknown) continue;
      steps.forEach((s, si) => {
        if (s.template_id === unknown) put(`step-${si}`, `Template ${unknown} no longer exists; pick another.`);
        s.variants.forEach((v, j) => {
          if (v.template_id === unknown) put(`step-${si}-variant-${j}-template`, `Template ${unknown} no longer exists; pick another.`);
        });
      });
      continue;
    }
    if (loc[2] === 'variants') {
      const j = Number(loc[3]);
      if (loc.length <= 3 || !Number.isInteger(j)) put(`step-${i}-variants`, e.msg);
      else put(`step-${i}-variant-${j}-${loc[4] === 'weight' ? 'weight' : 'template'}`, e.msg);
    } else if (loc[2] === 'weight') put(`step-${i}-weight`, e.msg);
    else put(`step-${i}`, e.msg);
  }
  return out;
}

export type VariantResult = VariantStats & { rate: { opened: number | null; clicked: number | null; replied: number | null } };
export type StepComparison = {
  step: number;
  rows: VariantResult[];
  /** The label with the best reply rate; null when too few were sent or the best are tied. */
  leader: string | null;
  tooFew: boolean;
};

const rate = (n: number, sent: number): number | null => (sent > 0 ? n / sent : null);

/** The stats' variants grouped by step (in step order, A first), with rates and the leader by reply rate. */
export function compareVariants(variants: VariantStats[]): StepComparison[] {
  const bySteps = new Map<number, VariantStats[]>();
  for (const v of variants) bySteps.set(v.step, [...(bySteps.get(v.step) ?? []), v]);
  return [...bySteps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, list]) => {
      const rows = [...list]
        .sort((a, b) => a.label.localeCompare(b.label))
        .map((v) => ({ ...v, rate: { opened: rate(v.opened, v.sent), clicked: rate(v.clicked, v.sent), replied: rate(v.replied, v.sent) } }));
      const tooFew = rows.length < 2 || rows.some((r) => r.sent < MIN_SENT_TO_COMPARE);
      let leader: string | null = null;
      if (!tooFew) {
        const best = Math.max(...rows.map((r) => r.rate.replied ?? 0));
        const top = rows.filter((r) => (r.rate.replied ?? 0) === best);
        leader = top.length === 1 ? top[0]!.label : null;
      }
      return { step, rows, leader, tooFew };
    });
}
