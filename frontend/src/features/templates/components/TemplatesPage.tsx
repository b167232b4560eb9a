import { TemplateIcon, PlannedSection } from '@/components/ui';

export function TemplatesPage() {
  return (
    <PlannedSection
      title="Templates"
      summary="Reusable e-mails for your campaigns."
      icon={<TemplateIcon />}
      headline="Write once, personalise for everyone"
      description="Templates are the building blocks of campaign steps: subject and body with variables, plus AI-assisted personalisation per contact."
      capabilities={[
        "Variables like {{first_name}} and {{company}} with fallbacks",
        "AI first lines drawn from the company's website and news",
        "Preview any template against a real contact before sending",
      ]}
    />
  );
}
