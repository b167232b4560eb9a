import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetSessionForTests } from '@/lib/auth/session';

afterEach(() => {
  cleanup();
  resetSessionForTests();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
