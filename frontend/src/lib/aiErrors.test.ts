import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import { describeAiError } from './aiErrors';

const problem = (status: number, detail: string, code: string, errors?: Array<{ loc: string[]; msg: string }>) => ({
  type: `urn:outbound:problem:${code}`,
  title: detail,
  status,
  detail,
  ...(errors ? { errors } : {}),
});

describe('describeAiError', () => {
  it('says when a spent budget resets and when a busy provider can be tried again', () => {
    const budget = new ApiError(429, problem(429, 'Budget used up.', 'budget-exceeded'), 'Budget used up.', 3 * 3600 + 60);
    expect(describeAiError(budget)).toMatchObject({ title: 'Daily AI budget used up', message: 'Budget used up.', retry: expect.stringMatching(/^It resets in 3 h 1 min \(at .+\)\.$/) });
    const busy = new ApiError(429, problem(429, 'Provider busy.', 'provider-rate-limited'), 'Provider busy.', 20);
    expect(describeAiError(busy)).toEqual({ title: 'The AI provider is busy', message: 'Provider busy.', retry: 'Try again in 20 s.' });
  });

  it('tells a failing model from a website that could not be read', () => {
    expect(describeAiError(new ApiError(502, problem(502, 'Refused.', 'model-refused'), 'Refused.')).title).toBe('The model failed');
    expect(describeAiError(new ApiError(502, problem(502, 'Could not read https://x.example/.', 'upstream'), 'Could not read https://x.example/.')).title).toBe(
      "Couldn't complete the AI request",
    );
    expect(describeAiError(new ApiError(504, null, 'Timed out.')).title).toBe('The model did not answer in time');
  });

  it('lists validation errors by field and names the public demo', () => {
    const invalid = new ApiError(422, problem(422, 'The request is not valid.', 'validation', [{ loc: ['body', 'company_id'], msg: 'Input should be greater than or equal to 1' }]), 'The request is not valid.');
    expect(describeAiError(invalid)).toMatchObject({ title: 'Check the input', message: 'company id: Input should be greater than or equal to 1' });
    const demo = new ApiError(403, problem(403, 'This is switched off in the public demo.', 'forbidden'), 'This is switched off in the public demo.');
    expect(describeAiError(demo).title).toBe('Switched off in the public demo');
  });
});
