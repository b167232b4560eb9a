import { TargetIcon, PlannedSection } from '@/components/ui';

export function LeadsPage() {
  return (
    <PlannedSection
      title="Leads"
      summary="Your pipeline of companies worth reaching out to."
      icon={<TargetIcon />}
      headline="Find your next customers"
      description="Find companies by query or domain list, enrich them from their websites, and qualify the best fits into leads ready for a campaign."
      capabilities={[
        "Search by industry, location and keywords, or paste a list of domains",
        "Automatic enrichment: website signals, tech stack, size and contact details",
        "AI fit score and notes so you know why a lead is worth it",
        "Bulk-add qualified leads to a campaign in one step",
      ]}
    />
  );
}
