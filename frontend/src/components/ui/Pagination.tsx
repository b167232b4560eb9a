import { Button } from './Button';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

export function Pagination({
  offset,
  limit,
  total,
  onOffsetChange,
  label = 'Pagination',
}: {
  offset: number;
  limit: number;
  total: number;
  onOffsetChange: (offset: number) => void;
  label?: string;
}) {
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4 px-1 py-3 text-sm text-gray-600">
      <p aria-live="polite">
        Showing <span className="font-medium text-gray-900">{from}</span>–
        <span className="font-medium text-gray-900">{to}</span> of{' '}
        <span className="font-medium text-gray-900">{total}</span>
      </p>
      <div className="flex items-center gap-2">
        <span className="hidden sm:inline">
          Page {page} of {pages}
        </span>
        <Button
          variant="secondary"
          size="sm"
          icon={<ChevronLeftIcon className="size-4" />}
          disabled={offset <= 0}
          onClick={() => onOffsetChange(Math.max(0, offset - limit))}
        >
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={to >= total} onClick={() => onOffsetChange(offset + limit)}>
          Next
          <ChevronRightIcon className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
