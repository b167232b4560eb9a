import { describe, expect, it } from 'vitest';
import type { VariantStats } from './api';
import { compareVariants, newStep, parseWeight, sharesText, stepErrorsFrom, stepIn, variantErrors, type StepRow } from './variants';

const step = (over: Partial<StepRow> = {}): StepRow => ({ ...newStep('0', false), template_id: '4', ...over });
const stats = (label: string, sent: number, replied: number, s = 1): VariantStats => ({
  step: s, label, template_id: 4, sent, opened: 0, clicked: 0, replied, interested: 0, bounced: 0, unsubscribed: 0,
});

describe('variant weights and shares', () => {
  it('accepts whole numbers from 1 to 100 only', () => {
    expect(['1', ' 100 ', '37'].map(parseWeight)).toEqual([1, 100, 37]);
    expect(['0', '101', '1.5', '', '-2', 'abc', '1e2'].map(parseWeight)).toEqual([null, null, null, null, null, null, null]);
  });

  it('shows the shares of A and each variant, or nothing without variants or with a bad weight', () => {
    expect(sharesText(step())).toBeNull();
    expect(sharesText(step({ variants: [{ template_id: '5', weight: '1' }] }))).toBe('A 50 % · B 50 %');
    expect(sharesText(step({ weight: '2', variants: [{ template_id: '5', weight: '1' }, { template_id: '6', weight: '1' }] }))).toBe('A 50 % · B 25 % · C 25 %');
    expect(sharesText(step({ variants: [{ template_id: '5', weight: '0' }] }))).toBeNull();
  });

  it('checks each variant for a template and a weight', () => {
    expect(variantErrors(step({ weight: 'x' }), 0)).toEqual({}); // no test, A's weight is not used
    expect(variantErrors(step({ weight: '0', variants: [{ template_id: '', weight: '2' }, { template_id: '5', weight: '200' }] }), 2)).toEqual({
      'step-2-weight': 'The weight is a whole number from 1 to 100.',
      'step-2-variant-0-template': 'Pick a template for variant B.',
      'step-2-variant-1-weight': 'The weight is a whole number from 1 to 100.',
    });
  });

  it("sends A's weight as 1 without variants, and the variants in order with them", () => {
    expect(stepIn(step({ weight: '7' }))).toEqual({ template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 1 });
    expect(stepIn(step({ weight: '7', variants: [{ template_id: '5', weight: '3' }] }))).toEqual({
      template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 7, variants: [{ template_id: 5, weight: 3 }],
    });
  });
});

describe("the service's 422 for steps", () => {
  it('keys pydantic locs by step and variant, and an unknown template at every field using it', () => {
    const steps = [step({ variants: [{ template_id: '5', weight: '1' }] }), step({ template_id: '5' })];
    const errors = stepErrorsFrom(
      {
        type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'invalid',
        errors: [
          { loc: ['body', 'steps', '0', 'variants', '0', 'weight'], msg: 'Input should be greater than or equal to 1' },
          { loc: ['body', 'steps', 1, 'weight'], msg: 'Input should be less than or equal to 100' },
          { loc: ['body', 'steps', '1', 'variants'], msg: 'List should have at most 3 items after validation, not 4' },
          { loc: ['body', 'steps', '0', 'delay_days'], msg: 'Input should be less than or equal to 365' },
          { loc: ['steps'], msg: 'unknown template 5' },
          { loc: ['mailbox_ids'], msg: 'unknown mailbox 2' },
        ],
      },
      steps,
    );
    expect(errors).toEqual({
      'step-0-variant-0-weight': 'Input should be greater than or equal to 1',
      'step-1-weight': 'Input should be less than or equal to 100',
      'step-1-variants': 'List should have at most 3 items after validation, not 4',
      'step-0': 'Input should be less than or equal to 365',
      'step-0-variant-0-template': 'Template 5 no longer exists; pick another.',
      'step-1': 'Template 5 no longer exists; pick another.',
    });
  });
});

describe('comparing the variants of a step', () => {
  it('names the leader by reply rate only when every text has enough sends and the best is not tied', () => {
    const [one, two, three] = compareVariants([stats('B', 40, 8, 1), stats('A', 20, 2, 1), stats('A', 19, 5, 2), stats('B', 30, 0, 2), stats('A', 25, 5, 3), stats('B', 50, 10, 3)]);
    expect(one).toMatchObject({ step: 1, leader: 'B', tooFew: false });
    expect(one!.rows.map((r) => r.label)).toEqual(['A', 'B']);
    expect(one!.rows[0]!.rate.replied).toBeCloseTo(0.1);
    expect(two).toMatchObject({ step: 2, leader: null, tooFew: true });
    expect(three).toMatchObject({ step: 3, leader: null, tooFew: false }); // 20 % each
  });

  it('has no rate without sends, and one text alone is not a comparison', () => {
    const [only] = compareVariants([stats('A', 0, 0)]);
    expect(only!.rows[0]!.rate).toEqual({ opened: null, clicked: null, replied: null });
    expect(only).toMatchObject({ leader: null, tooFew: true });
  });
});
