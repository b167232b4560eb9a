import { ContactIcon, PlannedSection } from '@/components/ui';

export function ContactsPage() {
  return (
    <PlannedSection
      title="Contacts"
      summary="People at your target companies and how to reach them."
      icon={<ContactIcon />}
      headline="The people behind the companies"
      description="Contacts holds decision-makers with verified e-mail addresses and phone numbers, their role, and every touchpoint you've had with them."
      capabilities={[
        "E-mail discovery and verification before anything is sent",
        "Roles, seniority and phone numbers normalised to international format",
        "Engagement history: opens, replies, bounces and unsubscribes",
      ]}
    />
  );
}
