import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aiMeta, enrichResult, provider } from '@/test/aiFixtures';
import { company, contact, page } from '@/test/leadsFixtures';
import { DEMO, json, mockApi, noContent, problem, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const before = company();
const after = company({
  status: 'enriched',
  industry: 'Tax advisory',
  summary: 'Tax advisory firm in Munich.',
  evidence: { industry: { source: 'ai', model: 'openai:gpt-4o-mini', url: 'https://www.mueller-stb.de/' } },
});

function routes(over: Routes = {}): Routes {
  let enriched = false;
  return {
    'GET /api/leads/companies/1': () => json(200, enriched ? after : before),
    'GET /api/leads/companies/1/duplicates': () => json(200, []),
    'GET /api/leads/companies/1/notes': () => json(200, []),
    'GET /api/leads/companies/1/timeline': () => json(200, page([], 0, 20)),
    'GET /api/leads/contacts': () => json(200, page([contact()], 1, 100)),
    'GET /api/ai/provider': () => json(200, provider()),
    'GET /api/ai/enrich/company/1': () => noContent(), // never enriched: an empty state
    'POST /api/ai/enrich/company/1': () => {
      enriched = true;
      return json(200, enrichResult());
    },
    ...over,
  };
}

describe('Company page → Enrich with AI', () => {
  it('shows no profile and no error for a company that was never enriched', async () => {
    const server = mockApi(signedIn(SALES, routes()));
    renderApp('/companies/1');
    await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' });
    await waitFor(() => expect(server.count('GET /api/ai/enrich/company/1')).toBe(1));
    expect(screen.getByRole('button', { name: 'Enrich with AI' })).toBeEnabled();
    expect(screen.queryByRole('region', { name: 'AI profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the stored profile of an earlier enrichment when the page opens', async () => {
    mockApi(signedIn(SALES, routes({ 'GET /api/ai/enrich/company/1': () => json(200, enrichResult()) })));
    renderApp('/companies/1');
    const card = await screen.findByRole('region', { name: 'AI profile' });
    await within(card).findByText('Tax advisory firm in Munich for small businesses and freelancers.');
  });

  it('calls the endpoint, refreshes the company and shows the profile with its sources and grounding notes', async () => {
    const server = mockApi(signedIn(SALES, routes()));
    const user = userEvent.setup();
    renderApp('/companies/1');
    await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' });
    const gets = server.count('GET /api/leads/companies/1');

    await user.click(screen.getByRole('button', { name: 'Enrich with AI' }));
    const card = await screen.findByRole('region', { name: 'AI profile' });
    await within(card).findByText('Tax advisory firm in Munich for small businesses and freelancers.');
    expect(server.count('POST /api/ai/enrich/company/1')).toBe(1);

    // Provider/model badge, tokens, cost; grounding and missing fields.
    const meta = within(card).getByTestId('ai-meta');
    expect(within(meta).getByText('AI: gpt-4o-mini')).toBeInTheDocument();
    expect(meta).toHaveTextContent('1,500 tokens');
    expect(meta).toHaveTextContent('$0.0004');
    expect(within(meta).queryByText('cached')).not.toBeInTheDocument();
    expect(within(card).getByRole('list', { name: 'Grounding notes' })).toHaveTextContent('2 invented e-mails dropped');
    expect(within(card).getByText('Not found on the website: size.')).toBeInTheDocument();
    expect(within(card).getByText('Congratulations on 25 years in Munich.')).toBeInTheDocument();
    expect(within(card).getByText('Payroll')).toBeInTheDocument();

    // People with their source page; a javascript: source is not a link.
    const people = within(card).getByRole('list', { name: 'People found' });
    expect(within(people).getByRole('link', { name: /impressum/ })).toHaveAttribute('href', 'https://www.mueller-stb.de/impressum');
    expect(within(people).getAllByRole('link')).toHaveLength(1);
    expect(within(people).getByText('javascript:alert(1)')).toBeInTheDocument();

    // The company was reloaded: the AI fact shows its model on the source chip.
    await waitFor(() => expect(server.count('GET /api/leads/companies/1')).toBeGreaterThan(gets));
    const chip = await screen.findByRole('button', { name: 'Source of Industry: Suggested by AI (openai:gpt-4o-mini)' });
    expect(chip).toHaveTextContent('AI · gpt-4o-mini');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('enriched');
  });

  it('says "cached" and "Rules (not AI)" when that is how the profile was made', async () => {
    mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/ai/enrich/company/1': () =>
            json(200, enrichResult({ ai: aiMeta({ provider: 'heuristic', model: 'rules', generated_by: 'rules (not AI)', cached: true, cost: 0 }) })),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    await user.click(await screen.findByRole('button', { name: 'Enrich with AI' }));
    const meta = await within(await screen.findByRole('region', { name: 'AI profile' })).findByTestId('ai-meta');
    expect(within(meta).getByText('Rules (not AI)')).toBeInTheDocument();
    expect(within(meta).getByText('cached')).toBeInTheDocument();
    expect(meta).not.toHaveTextContent('tokens');
  });

  it('renders model output with markup as text', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)> Tax firm';
    mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/ai/enrich/company/1': () =>
            json(200, enrichResult({ profile: { ...enrichResult().profile, summary: evil, hook: '<b>bold</b> hook' } })),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    await user.click(await screen.findByRole('button', { name: 'Enrich with AI' }));
    const card = await screen.findByRole('region', { name: 'AI profile' });
    expect(await within(card).findByText(evil)).toBeInTheDocument();
    expect(within(card).getByText('<b>bold</b> hook')).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(card.querySelector('img, b')).toBeNull();
  });

  it('shows a spent budget with its detail and when it resets', async () => {
    mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/ai/enrich/company/1': () =>
            problem(
              429,
              'Your daily AI budget of $2.00 is used up ($2.0100 spent today); it resets at midnight UTC.',
              { type: 'urn:outbound:problem:budget-exceeded' },
              { 'Retry-After': '18000' },
            ),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    await user.click(await screen.findByRole('button', { name: 'Enrich with AI' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Daily AI budget used up');
    expect(alert).toHaveTextContent('Your daily AI budget of $2.00 is used up ($2.0100 spent today); it resets at midnight UTC.');
    expect(alert).toHaveTextContent(/It resets in 5 h \(at \d\d:\d\d/);
    // The button is usable again (no stuck spinner).
    expect(screen.getByRole('button', { name: 'Enrich with AI' })).toBeEnabled();
  });

  it('shows the public demo refusal and the model failure readably', async () => {
    let n = 0;
    mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/ai/enrich/company/1': () =>
            ++n === 1 ? problem(403, 'This is switched off in the public demo.') : problem(502, 'The model refused to answer.', { type: 'urn:outbound:problem:model-refused' }),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/companies/1');
    await user.click(await screen.findByRole('button', { name: 'Enrich with AI' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Switched off in the public demo');
    expect(alert).toHaveTextContent('This is switched off in the public demo.');
    await user.click(screen.getByRole('button', { name: 'Enrich with AI' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The model failed'));
    expect(screen.getByRole('alert')).toHaveTextContent('The model refused to answer.');
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('demo role: the Enrich button is disabled and says why', async () => {
    const server = mockApi(signedIn(DEMO, routes()));
    renderApp('/companies/1');
    await screen.findByRole('heading', { level: 1, name: 'Müller Steuerberatung GmbH' });
    const button = screen.getByRole('button', { name: 'Enrich with AI' });
    // Focusable (so a keyboard user learns why), but it does nothing.
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('AI features are switched off for the demo account.');
    await userEvent.setup().click(button);
    expect(server.count('POST /api/ai/enrich/company/1')).toBe(0);
  });
});
