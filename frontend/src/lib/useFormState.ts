import { useState } from 'react';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/api/problem';

/**
 * A dialog form's state: the values, per-field errors (a field's error clears when it is edited)
 * and a form-level error; `reset` puts all three back to the start.
 */
export function useFormState<F extends object>(empty: F) {
  const [form, setForm] = useState<F>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function set<K extends keyof F & string>(key: K, value: F[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _drop, ...rest }) => rest);
  }

  function reset() {
    setForm(empty);
    setErrors({});
    setFormError(null);
  }

  /** Show why a submit failed, as `submitErrors` sorts it. */
  function showSubmitError(err: unknown, fields: readonly string[], conflictField: string) {
    const failed = submitErrors(err, fields, conflictField);
    if (failed.errors) setErrors(failed.errors);
    setFormError(failed.formError);
  }

  return { form, set, errors, setErrors, formError, setFormError, reset, showSubmitError };
}

/** The named string fields that are not blank, trimmed: the optional part of a create body. */
export function filledFields<F extends Record<string, unknown>, K extends keyof F & string>(form: F, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = form[key];
    if (typeof value === 'string' && value.trim()) out[key] = value.trim();
  }
  return out;
}

/**
 * Where a failed create's error goes: a 409 onto `conflictField`; a 422's messages onto the
 * form's own `fields`, the rest (or the message, when none is a form field) to the form-level
 * error; anything else to the form-level error (`errors` is then left out: the field errors stay as they are).
 */
export function submitErrors(err: unknown, fields: readonly string[], conflictField: string): { errors?: FieldErrors; formError: string | null } {
  if (err instanceof ApiError && err.status === 409) return { errors: { [conflictField]: err.message }, formError: null };
  if (err instanceof ApiError && err.status === 422) {
    const known: FieldErrors = {};
    const other: string[] = [];
    for (const [k, v] of Object.entries(err.fieldErrors)) {
      if (fields.includes(k)) known[k] = v;
      else other.push(v);
    }
    return { errors: known, formError: other.length || !Object.keys(known).length ? other.join(' ') || err.message : null };
  }
  return { formError: errorMessage(err) };
}
