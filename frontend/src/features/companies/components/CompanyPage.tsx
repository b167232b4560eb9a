import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  AI_DEMO_NOTE,
  BackLink,
  BuildingIcon,
  Button,
  Card,
  ConfirmDeleteDialog,
  ExternalLink,
  NotesCard,
  LeadStatusSelect,
  RecordLoadError,
  RecordNotFound,
  Skeleton,
  SparklesIcon,
  TagInput,
  TimelineCard,
  TrashIcon,
  useToast,
} from '@/components/ui';
import { errorMessage, isNotFound } from '@/lib/api/problem';
import { useActorLabel, useAuth } from '@/lib/auth';
import { useRouteId } from '@/lib/useRouteId';
import { formatDateTime, formatRelative } from '@/lib/format';
import { STATUS_LABELS, type CompanyRead, type CompanyUpdate, type LeadStatus } from '../api';
import {
  useAddCompanyNote,
  useCompany,
  useCompanyContacts,
  useCompanyNotes,
  useCompanyTimeline,
  useDeleteCompany,
  useUpdateCompany,
} from '../hooks/useCompanies';
import { useAiProfile, useEnrichCompany } from '../hooks/useAi';
import { AiProfileCard } from './AiProfileCard';
import { CompanyContacts } from './CompanyContacts';
import { CompanyEmail } from './CompanyEmail';
import { DuplicatesPanel } from './DuplicatesPanel';
import { FactsCard } from './FactsCard';
import { DisabledReason, useDemo } from '@/lib/demo';

const backLink = <BackLink to="/companies">Companies</BackLink>;

export function CompanyPage() {
  const id = useRouteId('companyId');
  const query = useCompany(id);

  if (!id || isNotFound(query.error)) {
    return (
      <RecordNotFound
        back={backLink}
        icon={<BuildingIcon />}
        title="Company not found"
        description="It may have been deleted or merged into another company."
        action={{ to: '/companies', label: 'Back to companies' }}
      />
    );
  }
  if (query.isLoading) {
    return (
      <div aria-busy="true" aria-label="Loading company">
        {backLink}
        <Skeleton className="mb-2 h-7 w-72" />
        <Skeleton className="mb-8 w-40" />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="space-y-4 p-5 lg:col-span-2">
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} className="w-2/3" />
            ))}
          </Card>
          <Card className="space-y-3 p-5">
            <Skeleton className="w-1/2" />
          </Card>
        </div>
      </div>
    );
  }
  if (!query.data) {
    return <RecordLoadError back={backLink} title="Couldn't load the company" query={query} />;
  }
  return <CompanyView company={query.data} />;
}

function CompanyView({ company }: { company: CompanyRead }) {
  const { hasRole } = useAuth();
  const canManage = hasRole('admin', 'sales');
  const { toast } = useToast();
  const navigate = useNavigate();
  const update = useUpdateCompany(company.id);
  const remove = useDeleteCompany();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [tags, setTags] = useState(company.tags);
  useEffect(() => setTags(company.tags), [company.tags]);

  const actorLabel = useActorLabel();
  const enrich = useEnrichCompany(company.id);
  const profile = useAiProfile(company.id);
  const hasSite = Boolean(company.website || company.domain);
  const aiRefused = useDemo().reason('ai') ?? (!canManage ? AI_DEMO_NOTE : null);
  const enrichNote = !aiRefused && !hasSite ? 'Add a website to enrich this company.' : null;

  async function runEnrich() {
    try {
      const result = await enrich.mutateAsync();
      const changed = result.updated_fields.length + result.contacts_created + result.contacts_updated;
      toast({
        tone: 'success',
        title: 'Enriched',
        description: changed ? `${company.name}: the AI profile is ready and the company was updated.` : `${company.name}: the AI profile is ready.`,
      });
    } catch {
      // Shown in the AI profile card (with when a spent budget resets).
    }
  }

  async function patch(p: CompanyUpdate, what: string) {
    try {
      await update.mutateAsync(p);
    } catch (err) {
      toast({ tone: 'error', title: `Couldn't change ${what}`, description: errorMessage(err) });
      throw err;
    }
  }

  async function changeStatus(status: LeadStatus) {
    await patch({ status }, 'the status').then(
      () => toast({ tone: 'success', title: 'Status changed', description: `${company.name} is now ${STATUS_LABELS[status]}.` }),
      () => undefined,
    );
  }

  async function changeTags(next: string[]) {
    const before = tags;
    setTags(next);
    await patch({ tags: next }, 'the tags').catch(() => setTags(before));
  }

  return (
    <>
      {backLink}
      <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-1.5">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-gray-900">{company.name}</h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-600">
            {company.website || company.domain ? (
              <ExternalLink href={company.website ?? company.domain} icon>
                {company.domain ?? company.website}
              </ExternalLink>
            ) : null}
            <span>
              Added <time dateTime={company.created_at} title={formatDateTime(company.created_at)}>{formatRelative(company.created_at)}</time>
              {company.source ? ` via ${company.source}` : ''}
            </span>
            {company.crawled_at ? (
              <span>
                Crawled <time dateTime={company.crawled_at} title={formatDateTime(company.crawled_at)}>{formatRelative(company.crawled_at)}</time>
              </span>
            ) : null}
          </p>
        </div>
        <div className="flex shrink-0 flex-col gap-1.5 lg:items-end">
          <div className="flex flex-wrap items-center gap-2">
            <DisabledReason reason={aiRefused}>
            <Button
              variant="secondary"
              icon={<SparklesIcon className="size-4 text-violet-600" />}
              loading={enrich.isPending}
              disabled={!!enrichNote}
              aria-describedby={enrichNote ? 'enrich-note' : undefined}
              onClick={() => void runEnrich()}
            >
              {enrich.isPending ? 'Enriching…' : 'Enrich with AI'}
            </Button>
            </DisabledReason>
            <label htmlFor="company-status" className="text-sm font-medium text-gray-700">
              Status
            </label>
            <LeadStatusSelect
              id="company-status"
              className="w-36"
              value={company.status}
              disabled={update.isPending}
              onChange={(e) => void changeStatus(e.target.value as LeadStatus)}
            />
            {canManage ? (
              <Button variant="secondary" icon={<TrashIcon className="size-4" />} onClick={() => setConfirmDelete(true)} className="text-red-700">
                Delete
              </Button>
            ) : null}
          </div>
          {enrichNote ? (
            <p id="enrich-note" className="text-xs text-gray-500">
              {enrichNote}
            </p>
          ) : null}
        </div>
      </header>

      <div className="mb-6 max-w-2xl">
        <TagInput label="Tags" value={tags} onChange={(t) => void changeTags(t)} placeholder="Add tag…" />
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {enrich.isPending || enrich.isError || profile.data ? (
            <AiProfileCard result={profile.data ?? undefined} pending={enrich.isPending} error={enrich.isError ? enrich.error : null} onDismissError={() => enrich.reset()} />
          ) : null}
          <FactsCard company={company} canEdit save={(p) => update.mutateAsync(p)} />
          <CompanyEmail companyId={company.id} />
          <CompanyTimeline companyId={company.id} actorLabel={actorLabel} />
        </div>
        <div className="space-y-6">
          <CompanyContacts companyId={company.id} companyName={company.name} />
          <CompanyNotes companyId={company.id} actorLabel={actorLabel} />
          <DuplicatesPanel company={company} canMerge={canManage} />
        </div>
      </div>

      <ConfirmDeleteDialog
        open={confirmDelete}
        name={company.name}
        kind="company"
        description="The company, its notes and its timeline are deleted. Its contacts stay, without a company. This can't be undone."
        pending={remove.isPending}
        onDelete={() => remove.mutateAsync(company.id)}
        onDeleted={() => navigate('/companies', { replace: true })}
        onCancel={() => setConfirmDelete(false)}
      />
    </>
  );
}

function CompanyNotes({ companyId, actorLabel }: { companyId: number; actorLabel: (a: string) => string }) {
  const notes = useCompanyNotes(companyId);
  const add = useAddCompanyNote(companyId);
  return <NotesCard notes={notes} onAdd={(body) => add.mutateAsync(body)} authorLabel={actorLabel} />;
}

function CompanyTimeline({ companyId, actorLabel }: { companyId: number; actorLabel: (a: string) => string }) {
  const timeline = useCompanyTimeline(companyId);
  const contacts = useCompanyContacts(companyId);
  const names = new Map((contacts.data?.items ?? []).map((c) => [c.id, c.name]));
  return (
    <TimelineCard
      timeline={timeline}
      description="This company and its contacts, newest first."
      actorLabel={actorLabel}
      context={(item) =>
        item.contact_id ? (
          <Link to={`/contacts/${item.contact_id}`} className="text-accent-700 hover:underline">
            {names.get(item.contact_id) ?? `Contact #${item.contact_id}`}
          </Link>
        ) : null
      }
    />
  );
}
