import { BuildingIcon, PlannedSection } from '@/components/ui';

export function CompaniesPage() {
  return (
    <PlannedSection
      title="Companies"
      summary="Every organisation you've discovered, imported or talked to."
      icon={<BuildingIcon />}
      headline="One record per company"
      description="Companies collects everything known about an organisation — firmographics, website, social profiles and the people you know there — deduplicated by domain."
      capabilities={[
        "Import from CSV or create from lead searches, deduplicated by domain",
        "Profile with industry, size, location, links and enrichment history",
        "All related contacts, campaigns and meetings on one timeline",
      ]}
    />
  );
}
