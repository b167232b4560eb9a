import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { SearchIcon } from './icons';
import { Input, Select } from './Input';
import { Pagination } from './Pagination';
import { Spinner } from './Spinner';

/** A search box with the magnifier inside (`className` sizes its wrapper). */
export function SearchInput({
  label,
  placeholder,
  value,
  onChange,
  className = 'w-full sm:w-72',
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <div className={cn('relative', className)}>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400" />
      <Input type="search" aria-label={label} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} className="pl-9" />
    </div>
  );
}

/** A Select over a fixed list of values with their labels; `allLabel` adds a first, empty option ("All …"). */
export function OptionSelect<T extends string>({
  options,
  labels,
  allLabel,
  ...props
}: Omit<ComponentProps<typeof Select>, 'children'> & {
  options: readonly T[];
  labels: Record<T, string>;
  allLabel?: string;
}) {
  return (
    <Select {...props}>
      {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </Select>
  );
}

/** The small spinner beside a list's filters while it refetches what is already shown. */
export function UpdatingSpinner({ query }: { query: { isFetching: boolean; isLoading: boolean } }) {
  return query.isFetching && !query.isLoading ? <Spinner label="Updating" className="text-gray-400" /> : null;
}

/** A list's filters (role="search"), then "Clear filters" while any is set and the refetch spinner. */
export function FilterBar({
  label,
  filtered,
  onClear,
  query,
  className,
  children,
}: {
  label: string;
  filtered: boolean;
  onClear: () => void;
  query: { isFetching: boolean; isLoading: boolean };
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('flex flex-wrap items-center gap-3', className)} role="search" aria-label={label}>
      {children}
      {filtered ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
      <UpdatingSpinner query={query} />
    </div>
  );
}

/** The empty state of a filtered list: nothing matches, with a button that clears the filters. */
export function NoMatches({
  title,
  description,
  onClear,
  clearLabel = 'Clear filters',
}: {
  title: string;
  description: string;
  onClear: () => void;
  clearLabel?: string;
}) {
  return (
    <EmptyState
      icon={<SearchIcon />}
      title={title}
      description={description}
      action={
        <Button variant="secondary" onClick={onClear}>
          {clearLabel}
        </Button>
      }
    />
  );
}

/** Pagination under a list once its first page has arrived (`pageSize` stands in for a zero limit). */
export function PaginationFooter({
  page,
  pageSize,
  label,
  onOffsetChange,
}: {
  page: { offset: number; limit: number; total: number } | undefined;
  pageSize: number;
  label: string;
  onOffsetChange: (offset: number) => void;
}) {
  if (!page) return null;
  return <Pagination offset={page.offset} limit={page.limit || pageSize} total={page.total} onOffsetChange={onOffsetChange} label={label} />;
}
