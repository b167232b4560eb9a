import { cn } from '@/lib/cn';

export function Spinner({ className, label = 'Loading', decorative = false }: { className?: string; label?: string; decorative?: boolean }) {
  return (
    <span role={decorative ? undefined : 'status'} aria-hidden={decorative || undefined} className={cn('inline-flex items-center', className)}>
      <svg className="size-4 animate-spin text-current" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {decorative ? null : <span className="sr-only">{label}</span>}
    </span>
  );
}

export function FullPageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="flex min-h-screen items-center justify-center text-gray-500">
      <Spinner className="[&_svg]:size-6" label={label} />
    </div>
  );
}
