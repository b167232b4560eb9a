import { Card, CardHeader, CheckIcon, PageHeader } from '@/components/ui';
import { AiUsageCard } from './AiUsageCard';
import { SenderProfileCard } from './SenderProfileCard';

const PLANNED = [
  'Connect SMTP/IMAP mailboxes and check deliverability',
  'Daily sending limits, warm-up and unsubscribe footer',
  'AI provider and model selection, with your own API keys',
];

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Workspace configuration." />
      <div className="grid max-w-4xl gap-6">
        <SenderProfileCard />
        <AiUsageCard />
        <Card>
          <CardHeader title="Coming next" description="Settings is where mailboxes, sending limits and AI providers will be configured." />
          <ul className="space-y-2.5 p-5 text-sm text-gray-700" aria-label="What Settings will do">
            {PLANNED.map((c) => (
              <li key={c} className="flex gap-2.5">
                <CheckIcon className="mt-0.5 size-4 shrink-0 text-accent-600" />
                <span>{c}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
