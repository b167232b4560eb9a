/** The replies inbox ↔ the e-mail service's inbound events. */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components, paths } from '@/api/schema';

type S = components['schemas'];
export type Reply = S['ReplyRead'];
export type RepliesPage = S['Page_ReplyRead_'];
export type ListRepliesParams = NonNullable<paths['/api/email/replies']['get']['parameters']['query']>;
export type ReplyCategory = NonNullable<Reply['category']>;
export type InboundKind = Reply['kind'];

export const CATEGORIES: ReplyCategory[] = ['interested', 'not_now', 'out_of_office', 'unsubscribe', 'other'];
export const KINDS: InboundKind[] = ['reply', 'auto_reply', 'bounce', 'unsubscribe'];

export function listReplies(query: ListRepliesParams): Promise<RepliesPage> {
  return unwrap(api.GET('/api/email/replies', { params: { query } }));
}
