import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { EXTERNAL_LINK, safeHttpUrl } from '@/lib/url';
import { ExternalLinkIcon } from './icons';

/**
 * A link to an untrusted URL: opens in a new tab with rel="noopener noreferrer"; anything that
 * is not http(s) is rendered as plain text instead of a link.
 */
export function ExternalLink({
  href,
  children,
  className,
  icon = false,
  title,
}: {
  href: string | null | undefined;
  children?: ReactNode;
  className?: string;
  icon?: boolean;
  title?: string;
}) {
  const safe = safeHttpUrl(href);
  const content = children ?? href ?? '';
  if (!safe) return <span className={className}>{content}</span>;
  return (
    <a
      href={safe}
      {...EXTERNAL_LINK}
      title={title ?? safe}
      className={cn('inline-flex min-w-0 items-center gap-1 text-accent-700 hover:text-accent-800 hover:underline', className)}
    >
      <span className="truncate">{content}</span>
      {icon ? <ExternalLinkIcon className="size-3.5 shrink-0" /> : null}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
