/**
 * The calls a lead record (a company or a contact) shares under `/api/leads/{resource}/{id}`:
 * its notes, its timeline and merging a duplicate into it. One typed helper instead of a copy
 * per feature; the compile-time checks below keep the built paths and the declared result types
 * in step with the generated schema.
 */
import { api } from './client';
import { unwrap } from './problem';
import type { paths, Schemas } from './types';

type Resources = {
  companies: { idKey: 'company_id'; record: Schemas['CompanyRead'] };
  contacts: { idKey: 'contact_id'; record: Schemas['ContactRead'] };
};
export type LeadResource = keyof Resources;

type Base<R extends LeadResource> = R extends LeadResource ? `/api/leads/${R}/{${Resources[R]['idKey']}}` : never;
type NotesPath<R extends LeadResource> = `${Base<R>}/notes`;
type TimelinePath<R extends LeadResource> = `${Base<R>}/timeline`;
type MergePath<R extends LeadResource> = `${Base<R>}/merge`;

type Ok = { content: { 'application/json': unknown } };
type Json<Op> = Op extends { responses: { 200: Ok } } ? Op['responses'][200]['content']['application/json'] : Op extends { responses: { 201: Ok } } ? Op['responses'][201]['content']['application/json'] : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
/** Fails to compile when the schema no longer has these endpoints or their results change. */
export type LeadRecordSchemaChecks = [
  Check<NotesPath<LeadResource> | TimelinePath<LeadResource> | MergePath<LeadResource> extends keyof paths ? true : false>,
  Check<Same<Json<paths[NotesPath<LeadResource>]['get']>, Schemas['NoteRead'][]>>,
  Check<Same<Json<paths[NotesPath<LeadResource>]['post']>, Schemas['NoteRead']>>,
  Check<Same<Json<paths[TimelinePath<LeadResource>]['get']>, Schemas['Page_ActivityRead_']>>,
  Check<Same<Json<paths[MergePath<'companies'>]['post']>, Resources['companies']['record']>>,
  Check<Same<Json<paths[MergePath<'contacts'>]['post']>, Resources['contacts']['record']>>,
];

type Init = { params: { path: Record<string, number>; query?: Record<string, number> }; body?: unknown };
type Call = (path: string, init: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
/** The client, seen through the (already checked) string paths built here. */
const client = api as unknown as { GET: Call; POST: Call };

export type LeadRecordApi<R extends LeadResource> = {
  listNotes(id: number): Promise<Schemas['NoteRead'][]>;
  addNote(id: number, body: string): Promise<Schemas['NoteRead']>;
  getTimeline(id: number, limit: number, offset: number): Promise<Schemas['Page_ActivityRead_']>;
  merge(id: number, duplicateId: number): Promise<Resources[R]['record']>;
};

const ID_KEYS: { [R in LeadResource]: Resources[R]['idKey'] } = { companies: 'company_id', contacts: 'contact_id' };

export function leadRecordApi<R extends LeadResource>(resource: R): LeadRecordApi<R> {
  const idKey = ID_KEYS[resource];
  const base = `/api/leads/${resource}/{${idKey}}` as Base<R>;
  const path = (id: number) => ({ [idKey]: id });
  return {
    listNotes: (id) => unwrap(client.GET(`${base}/notes`, { params: { path: path(id) } })) as Promise<Schemas['NoteRead'][]>,
    addNote: (id, body) => unwrap(client.POST(`${base}/notes`, { params: { path: path(id) }, body: { body } })) as Promise<Schemas['NoteRead']>,
    getTimeline: (id, limit, offset) =>
      unwrap(client.GET(`${base}/timeline`, { params: { path: path(id), query: { limit, offset } } })) as Promise<Schemas['Page_ActivityRead_']>,
    merge: (id, duplicateId) =>
      unwrap(client.POST(`${base}/merge`, { params: { path: path(id) }, body: { duplicate_id: duplicateId } })) as Promise<Resources[R]['record']>,
  };
}

/** Timeline pages for `useInfiniteQuery`: the offset of the next page, or undefined after the last. */
export function nextTimelineOffset(last: { offset: number; items: unknown[]; total: number }): number | undefined {
  return last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined;
}

export const TIMELINE_PAGE = 20;
