import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetSessionForTests } from '@/lib/auth/session';

// Each screen is a lazily imported chunk: the first visit in a test file waits for its module to be
// transformed and loaded, which on a busy machine takes longer than testing-library's default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  resetSessionForTests();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
