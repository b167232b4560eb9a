import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { getDemoInfo, type DemoInfo } from './demoApi';

/** null while the first answer is on its way. */
const DemoContext = createContext<DemoInfo | null>(null);

/** Asks once whether this is the public demo, and again just after each reset (the next one moves on). */
export function DemoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<DemoInfo | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void getDemoInfo().then((next) => {
      if (!cancelled) setInfo(next);
    });
    return () => {
      cancelled = true;
    };
  }, [generation]);

  useEffect(() => {
    const at = info?.next_reset_at ? Date.parse(info.next_reset_at) : NaN;
    if (!info?.enabled || Number.isNaN(at)) return;
    // A little after the reset, so the answer names the one after it; capped to what setTimeout can hold.
    const wait = Math.min(Math.max(at - Date.now(), 0) + 5000, 2 ** 31 - 1);
    const timer = setTimeout(() => setGeneration((g) => g + 1), wait);
    return () => clearTimeout(timer);
  }, [info]);

  return <DemoContext.Provider value={info}>{children}</DemoContext.Provider>;
}

export function useDemoInfo(): DemoInfo | null {
  return useContext(DemoContext);
}
