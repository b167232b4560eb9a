import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '@/test/mockApi';
import { leadRecordApi, nextTimelineOffset } from './leadRecords';
import { ApiError } from './problem';

const PAGE = { items: [], total: 0, limit: 20, offset: 0 };

describe('leadRecordApi', () => {
  it('builds the notes, timeline and merge calls under the resource path', async () => {
    const server = mockApi({
      'GET /api/leads/contacts/7/notes': () => json(200, []),
      'POST /api/leads/contacts/7/notes': () => json(201, { id: 1, body: 'Hi', author: null, created_at: '2025-01-01T00:00:00Z' }),
      'GET /api/leads/companies/3/timeline': () => json(200, PAGE),
      'POST /api/leads/companies/3/merge': () => json(200, { id: 3 }),
    });
    const contacts = leadRecordApi('contacts');
    const companies = leadRecordApi('companies');

    expect(await contacts.listNotes(7)).toEqual([]);
    expect((await contacts.addNote(7, 'Hi')).body).toBe('Hi');
    expect(await companies.getTimeline(3, 20, 40)).toEqual(PAGE);
    expect(await companies.merge(3, 9)).toEqual({ id: 3 });

    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/leads/contacts/7/notes',
      'POST /api/leads/contacts/7/notes',
      'GET /api/leads/companies/3/timeline?limit=20&offset=40',
      'POST /api/leads/companies/3/merge',
    ]);
    expect(await server.calls[1]!.request.json()).toEqual({ body: 'Hi' });
    expect(await server.calls[3]!.request.json()).toEqual({ duplicate_id: 9 });
  });

  it('turns a problem answer into an ApiError', async () => {
    mockApi({ 'GET /api/leads/companies/3/notes': () => problem(404, 'Company not found') });
    await expect(leadRecordApi('companies').listNotes(3)).rejects.toEqual(expect.any(ApiError));
  });
});

describe('nextTimelineOffset', () => {
  it('points past the items seen so far, until the total is reached', () => {
    expect(nextTimelineOffset({ offset: 0, items: [1, 2], total: 5 })).toBe(2);
    expect(nextTimelineOffset({ offset: 2, items: [1, 2, 3], total: 5 })).toBeUndefined();
  });
});
