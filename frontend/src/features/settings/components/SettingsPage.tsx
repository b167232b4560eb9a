import { SettingsIcon, PlannedSection } from '@/components/ui';

export function SettingsPage() {
  return (
    <PlannedSection
      title="Settings"
      summary="Workspace configuration."
      icon={<SettingsIcon />}
      headline="Tune the workspace"
      description="Settings is where mailboxes, sending limits, AI providers and workspace preferences will be configured."
      capabilities={[
        "Connect SMTP/IMAP mailboxes and check deliverability",
        "Daily sending limits, warm-up and unsubscribe footer",
        "AI provider and model selection, with your own API keys",
      ]}
    />
  );
}
