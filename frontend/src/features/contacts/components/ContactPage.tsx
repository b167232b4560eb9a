import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  BackLink,
  BuildingIcon,
  Button,
  Card,
  CardHeader,
  ConfirmDeleteDialog,
  ContactIcon,
  EditableField,
  EvidenceSource,
  evidenceFor,
  ExternalLink,
  MergeIcon,
  NotesCard,
  LeadStatusSelect,
  RecordLoadError,
  RecordNotFound,
  Skeleton,
  TagInput,
  TimelineCard,
  TrashIcon,
  useToast,
} from '@/components/ui';
import { EmailHistoryCard } from '@/components/email/EmailHistoryCard';
import { ApiError, errorMessage, isNotFound } from '@/lib/api/problem';
import { useActorLabel, useAuth } from '@/lib/auth';
import { useRouteId } from '@/lib/useRouteId';
import { formatDateTime, formatRelative } from '@/lib/format';
import { formatPhone } from '@/lib/phone';
import { STATUS_LABELS, type ContactRead, type ContactUpdate, type LeadStatus } from '../api';
import { useAddContactNote, useContact, useContactNotes, useContactTimeline, useDeleteContact, useUpdateContact } from '../hooks/useContacts';
import { FormOfAddressField } from './FormOfAddressField';
import { LegalBasisCard } from './LegalBasisCard';
import { MergeContactDialog } from './MergeContactDialog';

const backLink = <BackLink to="/contacts">Contacts</BackLink>;

type Field = { field: 'name' | 'role' | 'email' | 'phone' | 'linkedin' | 'country'; label: string; type?: 'email' | 'tel' | 'url'; hint?: string };
const FIELDS: Field[] = [
  { field: 'name', label: 'Name', hint: 'Titles stay in the name; typing "Herr …" or "Frau …" sets the form of address.' },
  { field: 'role', label: 'Role' },
  { field: 'email', label: 'E-mail', type: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel' },
  { field: 'linkedin', label: 'LinkedIn', type: 'url' },
  { field: 'country', label: 'Country', hint: 'Two-letter code, e.g. DE.' },
];

export function ContactPage() {
  const id = useRouteId('contactId');
  const query = useContact(id);

  if (!id || isNotFound(query.error)) {
    return (
      <RecordNotFound
        back={backLink}
        icon={<ContactIcon />}
        title="Contact not found"
        description="It may have been deleted or merged into another contact."
        action={{ to: '/contacts', label: 'Back to contacts' }}
      />
    );
  }
  if (query.isLoading) {
    return (
      <div aria-busy="true" aria-label="Loading contact">
        {backLink}
        <Skeleton className="mb-2 h-7 w-64" />
        <Skeleton className="mb-8 w-40" />
        <Card className="space-y-4 p-5">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="w-2/3" />
          ))}
        </Card>
      </div>
    );
  }
  if (!query.data) {
    return <RecordLoadError back={backLink} title="Couldn't load the contact" query={query} />;
  }
  return <ContactView contact={query.data} />;
}

function ContactView({ contact }: { contact: ContactRead }) {
  const { hasRole } = useAuth();
  const canManage = hasRole('admin', 'sales');
  const { toast } = useToast();
  const navigate = useNavigate();
  const update = useUpdateContact(contact.id);
  const remove = useDeleteContact();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [merging, setMerging] = useState(false);
  const [tags, setTags] = useState(contact.tags);
  useEffect(() => setTags(contact.tags), [contact.tags]);

  const actorLabel = useActorLabel();
  const notes = useContactNotes(contact.id);
  const addNote = useAddContactNote(contact.id);
  const timeline = useContactTimeline(contact.id);

  async function saveField(f: Field, raw: string): Promise<string | void> {
    const text = raw.trim();
    if (f.field === 'name' && !text) return 'A contact needs a name.';
    const value = f.field === 'country' ? text.toUpperCase() || null : text || null;
    if (f.field === 'country' && value && !/^[A-Z]{2}$/.test(value)) return 'Use the two-letter code, e.g. DE.';
    try {
      await update.mutateAsync({ [f.field]: value } as ContactUpdate);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) return err.fieldErrors[f.field] ?? err.message;
      return errorMessage(err);
    }
  }

  async function changeStatus(status: LeadStatus) {
    try {
      await update.mutateAsync({ status });
      toast({ tone: 'success', title: 'Status changed', description: `${contact.name} is now ${STATUS_LABELS[status]}.` });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't change the status", description: errorMessage(err) });
    }
  }

  async function changeTags(next: string[]) {
    const before = tags;
    setTags(next);
    try {
      await update.mutateAsync({ tags: next });
    } catch (err) {
      setTags(before);
      toast({ tone: 'error', title: "Couldn't change the tags", description: errorMessage(err) });
    }
  }

  return (
    <>
      {backLink}
      <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-1.5">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-gray-900">{contact.name}</h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-600">
            {contact.role ? <span>{contact.role}</span> : null}
            {contact.company_id ? (
              <Link to={`/companies/${contact.company_id}`} className="inline-flex items-center gap-1 font-medium text-accent-700 hover:underline">
                <BuildingIcon className="size-4" />
                {contact.company_name ?? `Company #${contact.company_id}`}
              </Link>
            ) : (
              <span className="text-gray-400">No company</span>
            )}
            <span>
              Added <time dateTime={contact.created_at} title={formatDateTime(contact.created_at)}>{formatRelative(contact.created_at)}</time>
              {contact.source ? ` via ${contact.source}` : ''}
            </span>
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <label htmlFor="contact-status" className="text-sm font-medium text-gray-700">
            Status
          </label>
          <LeadStatusSelect
            id="contact-status"
            className="w-36"
            value={contact.status}
            disabled={update.isPending}
            onChange={(e) => void changeStatus(e.target.value as LeadStatus)}
          />
          {canManage ? (
            <>
              <Button variant="secondary" icon={<MergeIcon className="size-4" />} onClick={() => setMerging(true)}>
                Merge
              </Button>
              <Button variant="secondary" icon={<TrashIcon className="size-4" />} onClick={() => setConfirmDelete(true)} className="text-red-700">
                Delete
              </Button>
            </>
          ) : null}
        </div>
      </header>

      <div className="mb-6 max-w-2xl">
        <TagInput label="Tags" value={tags} onChange={(t) => void changeTags(t)} />
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Details" />
            <dl className="divide-y divide-gray-100 px-5">
              {FIELDS.map((f) => {
                const v = contact[f.field];
                return (
                  <EditableField
                    key={f.field}
                    label={f.label}
                    value={v}
                    inputType={f.type ?? 'text'}
                    hint={f.hint}
                    display={
                      f.type === 'url' && v ? (
                        <ExternalLink href={v} icon>
                          {v}
                        </ExternalLink>
                      ) : f.type === 'tel' && v ? (
                        <a href={`tel:${v}`} className="hover:text-accent-700 hover:underline">
                          {formatPhone(v)}
                        </a>
                      ) : undefined
                    }
                    adornment={<EvidenceSource evidence={evidenceFor(contact.evidence, f.field)} field={f.label} />}
                    onSave={(raw) => saveField(f, raw)}
                  />
                );
              })}
              <FormOfAddressField contact={contact} save={(p) => update.mutateAsync(p)} />
            </dl>
          </Card>
          <EmailHistoryCard contactId={contact.id} />
          <TimelineCard timeline={timeline} description="Newest first." actorLabel={actorLabel} />
        </div>
        <div className="space-y-6">
          <LegalBasisCard contact={contact} canEdit save={(p) => update.mutateAsync(p)} />
          <NotesCard notes={notes} onAdd={(body) => addNote.mutateAsync(body)} authorLabel={actorLabel} />
        </div>
      </div>

      {canManage ? <MergeContactDialog contact={contact} open={merging} onClose={() => setMerging(false)} /> : null}
      <ConfirmDeleteDialog
        open={confirmDelete}
        name={contact.name}
        kind="contact"
        description="The contact, their notes and their timeline are deleted. This can't be undone."
        pending={remove.isPending}
        onDelete={() => remove.mutateAsync(contact.id)}
        onDeleted={() => navigate('/contacts', { replace: true })}
        onCancel={() => setConfirmDelete(false)}
      />
    </>
  );
}
