import { Card, CardHeader, PageHeader } from '@/components/ui';
import { useAuth } from '@/lib/auth';
import { FinderForm } from './FinderForm';
import { RecentJobs } from './RecentJobs';

export function LeadsPage() {
  const { hasRole } = useAuth();
  return (
    <>
      <PageHeader
        title="Leads"
        description="Find companies by query or domain list, crawl their websites for imprint facts (address, e-mails, phones, register, representatives) and import them as companies."
      />
      <div className="space-y-6">
        <Card>
          <FinderForm canStart={hasRole('admin', 'sales')} />
        </Card>
        <Card>
          <CardHeader title="Recent finder jobs" description="Newest first. Open one to see its sites and import the results." />
          <RecentJobs />
        </Card>
      </div>
    </>
  );
}
