import { SendIcon, PlannedSection } from '@/components/ui';

export function CampaignsPage() {
  return (
    <PlannedSection
      title="Campaigns"
      summary="Multi-step e-mail sequences that run themselves."
      icon={<SendIcon />}
      headline="Sequences that follow up for you"
      description="Campaigns sends personalised multi-step e-mail sequences from your own mailboxes, paces them safely and stops automatically when someone replies."
      capabilities={[
        "Steps with delays, per-mailbox daily limits and sending windows",
        "Reply and bounce detection that pauses the sequence for that contact",
        "Live stats per step: sent, opened, replied, booked",
      ]}
    />
  );
}
