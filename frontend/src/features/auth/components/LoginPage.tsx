import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Button, LogoMark, TextField } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { useAuth, type LoginRedirectState } from '@/lib/auth';
import { DemoBanner, useDemo } from '@/lib/demo';

function safeFrom(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only same-app paths; never bounce back to /login itself.
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  return '/leads';
}

export function LoginPage() {
  const { status, login, enterDemo } = useAuth();
  const { mode: demoMode } = useDemo();
  const navigate = useNavigate();
  const location = useLocation();
  const from = safeFrom(location.state);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [entering, setEntering] = useState(false); // pending through "Enter the demo"
  const [error, setError] = useState<string | null>(null);
  const [retryIn, setRetryIn] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);

  // Count down a 429's Retry-After.
  useEffect(() => {
    if (retryIn <= 0) return;
    const t = setTimeout(() => setRetryIn((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [retryIn]);

  if (status === 'authenticated' && !pending) return <Navigate to={from} replace />;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending || retryIn > 0) return;
    if (!email.trim() || !password) {
      setError('Enter your e-mail and password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await login({ email: email.trim(), password });
      navigate(from, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const seconds = err.retryAfter ?? 30;
        setRetryIn(seconds);
        setError(null);
      } else {
        setError(errorMessage(err));
      }
      setPassword('');
      setPending(false);
      queueMicrotask(() => errorRef.current?.focus());
    }
  }

  async function onEnterDemo() {
    if (pending || retryIn > 0) return;
    setPending(true);
    setEntering(true);
    setError(null);
    try {
      await enterDemo();
      navigate(from, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setRetryIn(err.retryAfter ?? 30);
      } else {
        setError(errorMessage(err));
      }
      setPending(false);
      setEntering(false);
      queueMicrotask(() => errorRef.current?.focus());
    }
  }

  const throttledMsg = retryIn > 0 ? `Too many attempts, try again in ${retryIn} s.` : null;
  const shownError = throttledMsg ?? error;

  return (
    <div className="flex min-h-screen flex-col bg-gray-50">
      <DemoBanner />
      <div className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <main className="w-full max-w-sm">
          <div className="mb-8 flex flex-col items-center text-center">
            <LogoMark width={40} height={40} />
            <h1 className="mt-4 text-2xl font-semibold tracking-tight text-gray-900">Sign in to Outbound CRM</h1>
            <p className="mt-1.5 text-sm text-gray-600">Find, reach and book meetings with the right companies.</p>
          </div>
          {demoMode ? (
            <section aria-label="Public demo" className="mb-5 rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-gray-200 sm:p-8">
              <p className="text-sm text-gray-700">Look around a realistic CRM with made-up companies, campaigns and bookings. No account needed.</p>
              <Button className="mt-4 w-full" onClick={() => void onEnterDemo()} loading={entering} disabled={retryIn > 0 || pending}>
                Enter the demo
              </Button>
            </section>
          ) : null}
          <form
            onSubmit={onSubmit}
            noValidate
            aria-label="Sign in"
            className="space-y-5 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-gray-200 sm:p-8"
          >
            {shownError ? (
              <div
                ref={errorRef}
                tabIndex={-1}
                role="alert"
                className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset focus:outline-none"
              >
                {shownError}
              </div>
            ) : null}
            <TextField
              label="E-mail"
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              disabled={pending}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={pending}
            />
            <Button type="submit" className="w-full" loading={pending && !entering} disabled={retryIn > 0 || entering}>
              {pending && !entering ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
          <p className="mt-6 text-center text-xs text-gray-500">
            Forgot your password? Ask an administrator of this workspace to reset it.
          </p>
        </main>
      </div>
    </div>
  );
}
