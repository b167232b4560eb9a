import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';
import { ChevronDownIcon, ChevronUpIcon, SortIcon } from './icons';
import { Skeleton } from './Skeleton';

export function Table({ className, children, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <table className={cn('min-w-full divide-y divide-gray-200 text-sm', className)} {...props}>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-gray-50/80">{children}</thead>;
}

export function TBody({ children, className }: { children: ReactNode; className?: string }) {
  return <tbody className={cn('divide-y divide-gray-100', className)}>{children}</tbody>;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn('transition-colors hover:bg-gray-50/60', className)} {...props} />;
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn('px-4 py-3 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-gray-600 uppercase', className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('px-4 py-3 align-middle text-gray-700', className)} {...props} />;
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ columns, rows = 5, label = 'Loading' }: { columns: number; rows?: number; label?: string }) {
  return (
    <tbody aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r}>
          {Array.from({ length: columns }, (_, c) => (
            <td key={c} className="px-4 py-3.5">
              <Skeleton className={c === 0 ? 'w-32' : 'w-20'} />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/**
 * A column header that sorts: a button inside a th with aria-sort.
 * `sort` is the current sort key ("name" ascending, "-name" descending); clicking toggles
 * ascending → descending, and a new column starts ascending (or descending if `descFirst`).
 */
export function SortableTh({
  field,
  sort,
  onSort,
  children,
  descFirst = false,
  className,
}: {
  field: string;
  sort: string;
  onSort: (next: string) => void;
  children: ReactNode;
  descFirst?: boolean;
  className?: string;
}) {
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const next = active ? (desc ? field : `-${field}`) : descFirst ? `-${field}` : field;
  const Icon = !active ? SortIcon : desc ? ChevronDownIcon : ChevronUpIcon;
  return (
    <Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} className={cn('py-2', className)}>
      <button
        type="button"
        onClick={() => onSort(next)}
        className={cn(
          '-mx-1.5 inline-flex items-center gap-1 rounded-md px-1.5 py-1 tracking-wide uppercase hover:bg-gray-100 hover:text-gray-900',
          'focus-visible:outline-2 focus-visible:outline-accent-600',
          active ? 'text-gray-900' : 'text-gray-600',
        )}
      >
        {children}
        <Icon className={cn('size-3.5', active ? 'text-accent-600' : 'text-gray-400')} />
      </button>
    </Th>
  );
}

/** The one row of an empty table body, spanning every column (e.g. an EmptyState). */
export function TableEmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}
