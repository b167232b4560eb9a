import { CalendarIcon, PlannedSection } from '@/components/ui';

export function CalendarPage() {
  return (
    <PlannedSection
      title="Calendar"
      summary="Meetings booked from your outreach."
      icon={<CalendarIcon />}
      headline="From reply to meeting"
      description="Calendar shows the meetings your campaigns produce and gives prospects a booking link that only offers times you're actually free."
      capabilities={[
        "Booking pages with your availability, buffers and time zones",
        "Meetings linked back to the contact, company and campaign",
        "Reminders and no-show tracking",
      ]}
    />
  );
}
