import { rawApi } from '@/lib/api/raw';
import type { Schemas } from '@/lib/api/types';

export type DemoInfo = Schemas['DemoInfo'];

export const NO_DEMO: DemoInfo = { enabled: false };

/** Whether this is the public demo and when its data is reset next. Any failure reads as "no demo":
 *  the banner is a courtesy, and the server refuses what the demo forbids either way. */
export async function getDemoInfo(): Promise<DemoInfo> {
  try {
    const { data, response } = await rawApi.GET('/api/auth/demo');
    return response.ok && data ? data : NO_DEMO;
  } catch {
    return NO_DEMO;
  }
}
