import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import { filledFields, submitErrors, useFormState } from './useFormState';

const invalid = (errors: Array<[string, string]>) =>
  new ApiError(422, { title: 'Invalid', status: 422, errors: errors.map(([field, msg]) => ({ loc: ['body', field], msg })) } as never, 'Some fields are not valid.');

describe('submitErrors', () => {
  it('puts a conflict on the given field', () => {
    expect(submitErrors(new ApiError(409, null, 'Already exists'), ['name'], 'email')).toEqual({ errors: { email: 'Already exists' }, formError: null });
  });

  it('splits a 422 into the form’s fields and a form-level message for the rest', () => {
    expect(submitErrors(invalid([['name', 'Too long'], ['other', 'Bad']]), ['name'], 'email')).toEqual({ errors: { name: 'Too long' }, formError: 'Bad' });
    expect(submitErrors(invalid([['name', 'Too long']]), ['name'], 'email')).toEqual({ errors: { name: 'Too long' }, formError: null });
    expect(submitErrors(invalid([]), ['name'], 'email')).toEqual({ errors: {}, formError: 'Some fields are not valid.' });
  });

  it('leaves the field errors alone for anything else', () => {
    expect(submitErrors(new ApiError(500, null, 'Boom'), ['name'], 'email')).toEqual({ formError: 'Boom' });
  });
});

describe('useFormState', () => {
  it('clears a field’s error when it is edited and resets everything', () => {
    const { result } = renderHook(() => useFormState({ name: '', city: '' }));
    act(() => result.current.setErrors({ name: 'Enter a name.', city: 'Bad' }));
    act(() => result.current.setFormError('Nope'));
    act(() => result.current.set('name', 'Ada'));
    expect(result.current.form).toEqual({ name: 'Ada', city: '' });
    expect(result.current.errors).toEqual({ city: 'Bad' });
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ form: { name: '', city: '' }, errors: {}, formError: null });
  });
});

describe('filledFields', () => {
  it('keeps the named fields that are not blank, trimmed', () => {
    const form = { name: ' Anna ', role: '  ', email: 'a@b.de ', phone: '', extra: 'x' };
    expect(filledFields(form, ['role', 'email', 'phone'])).toEqual({ email: 'a@b.de' });
  });
});
