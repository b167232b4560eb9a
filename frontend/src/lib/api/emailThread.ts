/**
 * A contact's e-mail history (the e-mail service's thread): shown on the contact page and, per
 * contact, on the company page, so it lives outside both features.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api } from './client';
import { unwrap } from './problem';

type S = components['schemas'];
export type Thread = S['ThreadRead'];
export type ThreadItem = S['ThreadItem'];
export type ThreadMessage = S['ThreadMessage'];
export type Inbound = S['ReplyRead'];

export function getContactThread(contactId: number): Promise<Thread> {
  return unwrap(api.GET('/api/email/contacts/{contact_id}/thread', { params: { path: { contact_id: contactId } } }));
}

export function useContactThread(contactId: number, enabled = true) {
  return useQuery({ queryKey: ['email', 'thread', contactId], queryFn: () => getContactThread(contactId), enabled: enabled && contactId > 0 });
}

/** The campaigns a contact is enrolled in, each with where the contact's sequence stands (``enrolment``). */
export type ContactCampaign = S['CampaignRead'];

export function listContactCampaigns(contactId: number): Promise<S['CampaignPage']> {
  return unwrap(api.GET('/api/email/campaigns', { params: { query: { contact_id: contactId, limit: 50, offset: 0 } } }));
}

export function useContactCampaigns(contactId: number, enabled = true) {
  return useQuery({ queryKey: ['email', 'contact-campaigns', contactId], queryFn: () => listContactCampaigns(contactId), enabled: enabled && contactId > 0 });
}

/** Each message we sent with what came back to it; what matches no message of ours stands alone. */
export type ThreadEntry = { message: ThreadMessage | null; at: string; inbound: Array<{ type: ThreadItem['type']; at: string; inbound: Inbound }> };

export function groupThread(items: ThreadItem[]): ThreadEntry[] {
  const entries: ThreadEntry[] = [];
  const byMessage = new Map<number, ThreadEntry>();
  for (const item of items) {
    if (item.message) {
      const entry: ThreadEntry = { message: item.message, at: item.at, inbound: [] };
      byMessage.set(item.message.id, entry);
      entries.push(entry);
    }
  }
  for (const item of items) {
    if (!item.inbound) continue;
    const parent = item.inbound.message_id !== null ? byMessage.get(item.inbound.message_id) : undefined;
    const reply = { type: item.type, at: item.at, inbound: item.inbound };
    if (parent) parent.inbound.push(reply);
    else entries.push({ message: null, at: item.at, inbound: [reply] });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** Drafted answers to interested replies (the booking page's next free slots, each a one-click link). */
export type ReplyDraft = S['ReplyDraftRead'];

export function listContactDrafts(contactId: number): Promise<S['ReplyDraftList']> {
  return unwrap(api.GET('/api/email/contacts/{contact_id}/drafts', { params: { path: { contact_id: contactId } } }));
}

export function sendDraft(draftId: number): Promise<ReplyDraft> {
  return unwrap(api.POST('/api/email/drafts/{draft_id}/send', { params: { path: { draft_id: draftId } } }));
}

export async function discardDraft(draftId: number): Promise<void> {
  await unwrap(api.DELETE('/api/email/drafts/{draft_id}', { params: { path: { draft_id: draftId } } }));
}

export function useContactDrafts(contactId: number) {
  return useQuery({ queryKey: ['email', 'drafts', contactId], queryFn: () => listContactDrafts(contactId), enabled: contactId > 0 });
}

function useDraftDecision(contactId: number, decide: (draftId: number) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['email', 'drafts', contactId] });
      void qc.invalidateQueries({ queryKey: ['email', 'thread', contactId] });
    },
  });
}

export const useSendDraft = (contactId: number) => useDraftDecision(contactId, sendDraft);
export const useDiscardDraft = (contactId: number) => useDraftDecision(contactId, discardDraft);
