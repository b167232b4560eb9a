import { Link } from 'react-router';
import { Card, CardHeader, CheckIcon, PageHeader } from '@/components/ui';
import { AiUsageCard } from './AiUsageCard';
import { SenderProfileCard } from './SenderProfileCard';

const PLANNED = ['AI provider and model selection, with your own API keys'];

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Workspace configuration." />
      <div className="grid max-w-4xl gap-6">
        <SenderProfileCard />
        <Card>
          <CardHeader
            title="Mailboxes"
            description="The SMTP accounts campaigns send from: caps, gaps, sending windows, connection tests and the local catcher's mail."
            actions={
              <Link to="/mailboxes" className="text-sm font-medium text-accent-700 hover:underline">
                Open mailboxes
              </Link>
            }
          />
        </Card>
        <AiUsageCard />
        <Card>
          <CardHeader title="Coming next" description="Settings is where AI providers will be configured." />
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
