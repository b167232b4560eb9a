import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, TextAreaField, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { browserZone, formatMoment } from '@/lib/zones';
import type { Booking } from '../api';
import { useCancelBooking } from '../hooks/useCalendar';

/** Cancel a booking as its host; the lead is told (with the reason, if given). */
export function CancelBookingDialog({ booking, onClose }: { booking: Booking | null; onClose: () => void }) {
  const cancel = useCancelBooking();
  const { toast } = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [booking]);

  async function confirm() {
    if (!booking) return;
    try {
      await cancel.mutateAsync({ id: booking.id, reason: reason.trim() || null });
      toast({ tone: 'success', title: 'Meeting cancelled', description: `${booking.visitor_name} gets the cancellation by e-mail.` });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog
      open={booking !== null}
      onClose={onClose}
      title="Cancel this meeting?"
      size="sm"
      role="alertdialog"
      description={booking ? `${booking.page_title} with ${booking.visitor_name}, ${formatMoment(booking.start, browserZone())}. The lead gets a cancellation with an updated calendar entry.` : undefined}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Keep it
          </Button>
          <Button variant="danger" loading={cancel.isPending} onClick={() => void confirm()}>
            Cancel meeting
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {error ? <Alert>{error}</Alert> : null}
        <TextAreaField label="Reason (optional, sent to the lead)" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </Dialog>
  );
}
