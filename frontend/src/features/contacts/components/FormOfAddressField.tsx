import { useId, useState } from 'react';
import { Select, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { FORMS_OF_ADDRESS, FORM_OF_ADDRESS_LABELS, type ContactRead, type ContactUpdate, type FormOfAddress } from '../api';

/**
 * How the contact is greeted: Herr / Frau / unknown (never guessed from a first name), saved on change,
 * with the greeting every e-mail uses ({{salutation}}) shown underneath.
 */
export function FormOfAddressField({ contact, save }: { contact: ContactRead; save: (patch: ContactUpdate) => Promise<unknown> }) {
  const id = useId();
  const { toast } = useToast();
  const [saving, setSaving] = useState(false);
  const current: FormOfAddress = contact.form_of_address ?? 'unknown';
  const greeting = contact.salutations;

  async function change(next: FormOfAddress) {
    if (next === current) return;
    setSaving(true);
    try {
      await save({ form_of_address: next });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't change the form of address", description: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm text-gray-500">
        <label htmlFor={id}>Form of address</label>
      </dt>
      <dd className="min-w-0 space-y-1.5 text-sm text-gray-900">
        <Select
          id={id}
          controlSize="sm"
          className="w-44"
          value={current}
          disabled={saving}
          aria-describedby={`${id}-greeting`}
          onChange={(e) => void change(e.target.value as FormOfAddress)}
        >
          {FORMS_OF_ADDRESS.map((f) => (
            <option key={f} value={f}>
              {FORM_OF_ADDRESS_LABELS[f]}
            </option>
          ))}
        </Select>
        <p id={`${id}-greeting`} className="text-xs text-gray-500" data-testid="greeting-preview">
          {greeting ? (
            <>
              Greeted as <span className="font-medium text-gray-700">{greeting.de.formal}</span> ·{' '}
              <span className="font-medium text-gray-700">{greeting.en.formal}</span>
              {current === 'unknown' ? ' (neutral until the form of address is known)' : ''}
            </>
          ) : (
            'The greeting follows the form of address and the name’s titles.'
          )}
        </p>
      </dd>
    </div>
  );
}
