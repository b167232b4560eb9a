import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Card, CardHeader, SelectField, TextField, useToast } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { formatDateTime, formatRelative } from '@/lib/format';
import { LEGAL_BASES, LEGAL_BASIS_LABELS, type ContactRead, type ContactUpdate, type LegalBasis } from '../api';

const HELP: Record<LegalBasis, string> = {
  none: 'No basis recorded: cold outreach may not be allowed for this person.',
  consent: 'They agreed to be contacted. Record where and how (required).',
  existing_customer: 'An existing customer relationship (e.g. § 7 (3) UWG for similar products).',
};

export function LegalBasisCard({
  contact,
  canEdit,
  save,
}: {
  contact: ContactRead;
  canEdit: boolean;
  save: (patch: ContactUpdate) => Promise<unknown>;
}) {
  const [basis, setBasis] = useState<LegalBasis>(contact.legal_basis);
  const [source, setSource] = useState(contact.legal_basis_source ?? '');
  const [errors, setErrors] = useState<{ legal_basis?: string; legal_basis_source?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);
  const { toast } = useToast();

  useEffect(() => {
    setBasis(contact.legal_basis);
    setSource(contact.legal_basis_source ?? '');
  }, [contact.legal_basis, contact.legal_basis_source]);

  const dirty = basis !== contact.legal_basis || source.trim() !== (contact.legal_basis_source ?? '');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    const trimmed = source.trim();
    // For consent an empty source is sent as "" so the server checks it (null would keep the old one).
    const patch: ContactUpdate = { legal_basis: basis, legal_basis_source: basis === 'consent' ? trimmed : trimmed || null };
    setSaving(true);
    try {
      await save(patch);
      toast({ tone: 'success', title: 'Legal basis saved', description: LEGAL_BASIS_LABELS[basis] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const fe = err.fieldErrors;
        const next: typeof errors = {};
        if (fe.legal_basis_source) next.legal_basis_source = fe.legal_basis_source;
        if (fe.legal_basis) next.legal_basis = fe.legal_basis;
        if (!next.legal_basis && !next.legal_basis_source) next.form = err.message;
        setErrors(next);
      } else {
        setErrors({ form: errorMessage(err) });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Legal basis"
        description={
          contact.legal_basis_at ? (
            <>
              Recorded <time dateTime={contact.legal_basis_at} title={formatDateTime(contact.legal_basis_at)}>{formatRelative(contact.legal_basis_at)}</time>
              {' · '}
              {formatDateTime(contact.legal_basis_at)}
            </>
          ) : (
            'Not recorded yet'
          )
        }
      />
      <form className="space-y-4 p-5" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Legal basis">
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <SelectField
          label="Basis"
          value={basis}
          disabled={!canEdit}
          error={errors.legal_basis}
          hint={HELP[basis]}
          onChange={(e) => {
            setBasis(e.target.value as LegalBasis);
            setErrors({});
          }}
        >
          {LEGAL_BASES.map((b) => (
            <option key={b} value={b}>
              {LEGAL_BASIS_LABELS[b]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={basis === 'consent' ? 'Source (required for consent)' : 'Source'}
          value={source}
          maxLength={500}
          disabled={!canEdit}
          aria-required={basis === 'consent' || undefined}
          placeholder={basis === 'consent' ? 'e.g. Web form, newsletter sign-up 2024-05-01' : 'Optional'}
          error={errors.legal_basis_source}
          onChange={(e) => {
            setSource(e.target.value);
            if (errors.legal_basis_source) setErrors(({ legal_basis_source: _drop, ...rest }) => rest);
          }}
        />
        {canEdit ? (
          <div className="flex justify-end">
            <Button type="submit" size="sm" loading={saving} disabled={!dirty}>
              Save legal basis
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
