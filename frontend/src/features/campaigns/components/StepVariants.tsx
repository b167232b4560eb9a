import { Button, PlusIcon, SelectField, TextField, TrashIcon } from '@/components/ui';
import { cn } from '@/lib/cn';
import type { TemplateOption } from '../api';
import { MAX_VARIANTS, sharesText, variantLabel, type StepRow, type VariantRow } from '../variants';

/**
 * A step's A/B test in the builder: the step's own template is variant A; "Add variant" adds B, C, D,
 * each with its template and weight. A's weight shows only once there is something to split.
 */
export function StepVariants({
  index,
  step,
  templates,
  errors,
  onChange,
  className,
}: {
  index: number;
  step: StepRow;
  templates: TemplateOption[];
  errors: Record<string, string>;
  onChange: (patch: Partial<StepRow>) => void;
  className?: string;
}) {
  const n = index + 1;
  const shares = sharesText(step);
  const aName = templates.find((t) => String(t.id) === step.template_id)?.name;
  const setVariant = (j: number, patch: Partial<VariantRow>) => onChange({ variants: step.variants.map((v, k) => (k === j ? { ...v, ...patch } : v)) });
  const listError = errors[`step-${index}-variants`];

  return (
    <fieldset className={cn('space-y-3 border-t border-gray-200 pt-3', className)}>
      <legend className="sr-only">Step {n} A/B test</legend>
      {step.variants.length ? (
        <>
          <p className="text-sm font-medium text-gray-900" aria-hidden="true">
            A/B test
          </p>
          <div className="grid items-start gap-3 sm:grid-cols-[2fr_1fr_2.5rem]">
            <div className="space-y-1.5">
              <p className="text-sm font-medium text-gray-800">Variant A</p>
              <p className="flex h-10 items-center text-sm text-gray-700">{aName ?? 'The step’s template (pick it above)'}</p>
            </div>
            <TextField
              label="Variant A weight"
              inputMode="numeric"
              value={step.weight}
              error={errors[`step-${index}-weight`]}
              onChange={(e) => onChange({ weight: e.target.value })}
            />
          </div>
          {step.variants.map((v, j) => {
            const label = variantLabel(j);
            return (
              <div key={j} className="grid items-start gap-3 sm:grid-cols-[2fr_1fr_2.5rem]" data-testid={`step-${n}-variant-${label}`}>
                <SelectField
                  label={`Variant ${label} template`}
                  value={v.template_id}
                  error={errors[`step-${index}-variant-${j}-template`]}
                  onChange={(e) => setVariant(j, { template_id: e.target.value })}
                >
                  <option value="">Pick a template…</option>
                  {templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={`Variant ${label} weight`}
                  inputMode="numeric"
                  value={v.weight}
                  error={errors[`step-${index}-variant-${j}-weight`]}
                  onChange={(e) => setVariant(j, { weight: e.target.value })}
                />
                <Button
                  variant="ghost"
                  className="sm:mt-6"
                  icon={<TrashIcon className="size-4" />}
                  aria-label={`Remove variant ${label}`}
                  onClick={() => onChange({ variants: step.variants.filter((_, k) => k !== j) })}
                />
              </div>
            );
          })}
          <p className="text-sm text-gray-700" aria-live="polite" data-testid={`step-${n}-shares`}>
            {shares ? `Shares: ${shares}` : 'Shares show once every weight is a whole number from 1 to 100.'}
          </p>
        </>
      ) : null}
      {listError ? <p className="text-sm text-red-700">{listError}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          icon={<PlusIcon className="size-4" />}
          disabled={step.variants.length >= MAX_VARIANTS}
          onClick={() => onChange({ variants: [...step.variants, { template_id: '', weight: '1' }] })}
        >
          Add variant
        </Button>
        <span className="text-xs text-gray-500">
          {step.variants.length
            ? step.variants.length >= MAX_VARIANTS
              ? `At most ${MAX_VARIANTS} variants (B, C, D).`
              : 'Each contact gets one text, drawn by weight; the campaign page compares them.'
            : 'A/B test: send other texts to a share of the contacts.'}
        </span>
      </div>
    </fieldset>
  );
}
