import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card, ErrorState, Spinner, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { finishGoogle } from '../api';
import { calendarKeys } from '../hooks/useCalendar';

/**
 * Where Google sends the host back (/calendar/google/callback?state=…&code=…, or error=…): the query is
 * posted once to the calendar service, which checks the state and PKCE verifier it kept, then the
 * host lands on the connections tab.
 */
export function GoogleCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { toast } = useToast();
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    // A code is single-use: StrictMode's second effect run must not post it again.
    if (sent.current) return;
    sent.current = true;
    const state = params.get('state') ?? '';
    const code = params.get('code');
    const denied = params.get('error');
    finishGoogle({ state, code, error: denied })
      .then((status) => {
        qc.setQueryData(calendarKeys.google, status);
        toast({ tone: 'success', title: 'Google Calendar connected', description: status.account_email ?? undefined });
        navigate('/calendar?tab=connections', { replace: true });
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [params, navigate, qc, toast]);

  return (
    <Card className="mx-auto max-w-lg">
      {error ? (
        <>
          <ErrorState title="Google Calendar was not connected" message={error} />
          <p className="pb-6 text-center text-sm">
            <Link to="/calendar?tab=connections" className="font-medium text-accent-700 hover:underline">
              Back to the calendar connections
            </Link>
          </p>
        </>
      ) : (
        <div className="flex items-center justify-center gap-3 py-16 text-sm text-gray-700">
          <Spinner label="Connecting Google Calendar" /> Connecting Google Calendar…
        </div>
      )}
    </Card>
  );
}
