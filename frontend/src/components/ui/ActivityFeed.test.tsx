import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActivityFeed, type ActivityItem } from './ActivityFeed';

const AT = '2024-05-01T08:30:00Z';
const entry = (id: number, over: Partial<ActivityItem>): ActivityItem => ({
  id, type: 'note', title: 'Note', detail: {}, actor: null, source: 'leads', occurred_at: AT, ...over,
});

const ITEMS: ActivityItem[] = [
  entry(1, {
    type: 'ai.enriched', source: 'ai', title: 'Enriched by rules (not AI) (rules)',
    detail: { provider: 'heuristic', model: 'rules', prompt: 'enrich_company@1', updated_fields: ['industry', 'emails', 'vat_id'],
      contacts_created: 2, contacts_updated: 1, cost: 0, cached: false, dropped: [] },
  }),
  entry(2, { type: 'status.changed', title: 'Status: new → contacted', detail: { from: 'new', to: 'contacted' } }),
  entry(3, {
    type: 'crawl.imported', title: 'Website facts imported (3 pages)',
    detail: { filled: ['phones', 'legal_form'], contacts_added: 1, pages: ['https://a.example/', 'https://a.example/impressum'] },
  }),
  entry(4, { type: 'legal_basis.changed', title: 'Legal basis: consent', detail: { from: 'none', to: 'consent', source: 'Trade fair form' } }),
];

describe('timeline', () => {
  it('says what changed in words and keeps the internals behind a toggle', async () => {
    render(<ActivityFeed items={ITEMS} loading={false} />);
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const [ai, status, crawl, basis] = within(timeline).getAllByRole('listitem');

    expect(ai).toHaveTextContent('Profile updated from the website (rules, not AI)');
    expect(ai).toHaveTextContent('Added industry, e-mail addresses, and VAT ID · 2 new contacts · 1 contact updated');
    expect(ai).not.toHaveTextContent(/provider|heuristic|enrich_company@1|updated_fields/);
    expect(crawl).toHaveTextContent('Added phone numbers and legal form · 1 new contact');
    expect(crawl).not.toHaveTextContent(/contact\(s\)|page\(s\)/);
    expect(basis).toHaveTextContent('Source: Trade fair form');

    // A status change is said once, with the labels the status picker uses.
    expect(status).toHaveTextContent('Status: New → Contacted');
    expect(within(status!).getAllByText(/→/)).toHaveLength(1);
    expect(within(status!).queryByRole('button', { name: 'Details' })).toBeInTheDocument();

    const toggle = within(ai!).getByRole('button', { name: 'Details' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(ai).toHaveTextContent('providerheuristic');
    expect(ai).toHaveTextContent('promptenrich_company@1');
    expect(ai).toHaveTextContent('updated_fieldsindustry, emails, vat_id');
    expect(ai).not.toHaveTextContent('dropped'); // empty values stay out
    await userEvent.click(within(ai!).getByRole('button', { name: 'Hide details' }));
    expect(ai).not.toHaveTextContent('heuristic');
  });

  it('a note shows its text and has no details', () => {
    render(<ActivityFeed items={[entry(9, { detail: { body: 'Called, wants a demo' } })]} loading={false} />);
    expect(screen.getByText('Called, wants a demo')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Details' })).not.toBeInTheDocument();
  });
});
