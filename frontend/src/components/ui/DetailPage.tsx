import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/api/problem';
import { ActivityFeed, type ActivityItem } from './ActivityFeed';
import { Card, CardHeader } from './Card';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { ChevronLeftIcon } from './icons';
import { NotesPanel, type NoteItem } from './NotesPanel';

/** The "‹ Companies" link above a detail page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-gray-600 hover:text-gray-900">
      <ChevronLeftIcon className="size-4" />
      {children}
    </Link>
  );
}

/** What a detail page shows when its record does not exist (404 or a malformed id). */
export function RecordNotFound({
  back,
  icon,
  title,
  description,
  action,
}: {
  back: ReactNode;
  icon: ReactNode;
  title: string;
  description: string;
  /** Where to go instead. */
  action: { to: string; label: string };
}) {
  return (
    <>
      {back}
      <EmptyState
        icon={icon}
        title={title}
        description={description}
        action={
          <Link to={action.to} className="text-sm font-medium text-accent-700 hover:underline">
            {action.label}
          </Link>
        }
      />
    </>
  );
}

/** The parts of a query result an error state needs. */
export type RetryableQuery = { error: unknown; isFetching: boolean; refetch: () => unknown };

/** ErrorState for a failed query: its message, and "Try again" refetches. */
export function QueryErrorState({ title, query }: { title: string; query: RetryableQuery }) {
  return <ErrorState title={title} message={errorMessage(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
}

/** QueryErrorState in a card, in place of a list or record that couldn't be loaded. */
export function QueryErrorCard({ title, query }: { title: string; query: RetryableQuery }) {
  return (
    <Card>
      <QueryErrorState title={title} query={query} />
    </Card>
  );
}

/** A detail page whose record couldn't be loaded: the back link and the error in a card. */
export function RecordLoadError({ back, title, query }: { back: ReactNode; title: string; query: RetryableQuery }) {
  return (
    <>
      {back}
      <QueryErrorCard title={title} query={query} />
    </>
  );
}

/** A record's notes in a card: the notes query and the call that adds one. */
export function NotesCard({
  notes,
  onAdd,
  authorLabel,
}: {
  notes: { data?: NoteItem[]; isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  onAdd: (body: string) => Promise<unknown>;
  authorLabel?: (author: string) => string;
}) {
  return (
    <Card>
      <CardHeader title="Notes" />
      <div className="p-5">
        <NotesPanel
          notes={notes.data}
          loading={notes.isLoading}
          error={notes.isError ? errorMessage(notes.error) : null}
          onRetry={() => void notes.refetch()}
          authorLabel={authorLabel}
          onAdd={async (body) => {
            try {
              await onAdd(body);
            } catch (err) {
              return errorMessage(err);
            }
          }}
        />
      </div>
    </Card>
  );
}

/** A record's timeline in a card, from a paged (infinite) query, newest first. */
export function TimelineCard({
  timeline,
  description,
  actorLabel,
  context,
}: {
  timeline: {
    data?: { pages: { items: ActivityItem[] }[] };
    isLoading: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    hasNextPage: boolean;
    fetchNextPage: () => unknown;
    isFetchingNextPage: boolean;
  };
  description: string;
  actorLabel?: (actor: string) => string;
  context?: (item: ActivityItem) => ReactNode;
}) {
  return (
    <Card>
      <CardHeader title="Timeline" description={description} />
      <div className="p-5">
        <ActivityFeed
          items={timeline.data?.pages.flatMap((p) => p.items)}
          loading={timeline.isLoading}
          error={timeline.isError ? errorMessage(timeline.error) : null}
          onRetry={() => void timeline.refetch()}
          hasMore={timeline.hasNextPage}
          onLoadMore={() => void timeline.fetchNextPage()}
          loadingMore={timeline.isFetchingNextPage}
          actorLabel={actorLabel}
          context={context}
        />
      </div>
    </Card>
  );
}
