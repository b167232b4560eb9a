import { Link } from 'react-router';
import { Card, CardHeader, PageHeader } from '@/components/ui';
import { AiProviderCard } from './AiProviderCard';
import { AiUsageCard } from './AiUsageCard';
import { SenderProfileCard } from './SenderProfileCard';

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
        <AiProviderCard />
      </div>
    </>
  );
}
