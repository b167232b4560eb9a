import type { ReactNode } from 'react';
import { Card } from './Card';
import { CheckIcon } from './icons';
import { PageHeader } from './PageHeader';

/** A section that isn't built yet: says what it will do, so the shell already explains the product. */
export function PlannedSection({
  title,
  summary,
  icon,
  headline,
  description,
  capabilities,
}: {
  title: string;
  summary: string;
  icon: ReactNode;
  headline: string;
  description: string;
  capabilities: string[];
}) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <Card className="px-6 py-12 sm:px-12">
        <div className="mx-auto flex max-w-xl flex-col items-center text-center">
          <div className="mb-5 flex size-14 items-center justify-center rounded-2xl bg-accent-50 text-accent-600 ring-1 ring-accent-100 [&_svg]:size-7">
            {icon}
          </div>
          <h2 className="text-lg font-semibold text-gray-900">{headline}</h2>
          <p className="mt-2 text-sm leading-6 text-gray-600">{description}</p>
          <ul className="mt-6 space-y-2.5 text-left text-sm text-gray-700" aria-label={`What ${title} will do`}>
            {capabilities.map((c) => (
              <li key={c} className="flex gap-2.5">
                <CheckIcon className="mt-0.5 size-4 shrink-0 text-accent-600" />
                <span>{c}</span>
              </li>
            ))}
          </ul>
          <p className="mt-8 inline-flex items-center rounded-full bg-gray-100 px-3 py-1 text-xs font-medium text-gray-600">
            In development — arriving in an upcoming release
          </p>
        </div>
      </Card>
    </>
  );
}
