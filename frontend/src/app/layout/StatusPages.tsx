import { Link } from 'react-router';
import { CompassIcon, EmptyState, ShieldIcon } from '@/components/ui';

const linkClass =
  'inline-flex h-10 items-center rounded-lg bg-accent-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<CompassIcon />}
      title="Page not found"
      description="There's nothing at this address. It may have moved, or the link is mistyped."
      action={
        <Link to="/leads" className={linkClass}>
          Go to Leads
        </Link>
      }
    >
      <h1 className="sr-only">404 — Page not found</h1>
    </EmptyState>
  );
}

export function ForbiddenPage() {
  return (
    <EmptyState
      icon={<ShieldIcon />}
      title="Admins only"
      description="This area is for workspace administrators. Ask an admin if you need access."
      action={
        <Link to="/leads" className={linkClass}>
          Go to Leads
        </Link>
      }
    >
      <h1 className="sr-only">403 — Admins only</h1>
    </EmptyState>
  );
}
