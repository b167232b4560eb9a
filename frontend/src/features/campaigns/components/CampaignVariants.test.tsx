import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact, page } from '@/test/leadsFixtures';
import { json, mockApi, problem, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import { campaign, progress } from './fixtures';

const mailboxes = [{ id: 1, name: 'Local catcher', from_email: 'outbound@localhost', kind: 'catcher', paused_reason: null }];
const templates = {
  items: [
    { id: 4, name: 'First touch', subject: 'Hi' },
    { id: 5, name: 'Second angle', subject: 'Hello' },
  ],
  total: 2,
};
const base = (over: Routes = {}): Routes => ({
  'GET /api/email/mailboxes': () => json(200, mailboxes),
  'GET /api/email/templates': () => json(200, templates),
  'GET /api/calendar/pages': () => json(200, []),
  'GET /api/leads/contacts': (_req, url) => json(200, page([contact({ id: 5 }), contact({ id: 6 })].slice(0, Number(url.searchParams.get('limit'))), 2)),
  'GET /api/email/campaigns/3/stats': () => json(404, { title: 'Not Found', status: 404 }),
  'GET /api/email/campaigns/3/ai-lines': () => json(200, { items: [], total: 0 }),
  'GET /api/email/messages': () => json(200, { items: [], total: 0 }),
  'GET /api/email/replies': () => json(200, { items: [], total: 0, limit: 1, offset: 0 }),
  'GET /api/email/campaigns/3/eligibility': () => json(200, { total: 2, eligible: 2, excluded: [], lint: [] }),
  ...over,
});

/** The builder up to the steps: a name, the default audience (2 contacts) and the mailbox. */
async function startDraft(user: ReturnType<typeof userEvent.setup>) {
  renderApp('/campaigns/new');
  await user.type(await screen.findByRole('textbox', { name: 'Campaign name' }), 'Split test');
  expect(await screen.findByTestId('audience-count')).toHaveTextContent('2 contacts');
  await user.click(await screen.findByRole('checkbox', { name: /Local catcher/ }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Step 1 template' }), await screen.findByRole('option', { name: 'First touch' }));
  return within(screen.getByRole('listitem', { name: 'Step 1' }));
}

describe('A/B variants in the campaign builder', () => {
  it('adds a variant B with its template and weights, shows the shares and posts them with the step', async () => {
    const posted: unknown[] = [];
    mockApi(
      signedIn(
        SALES,
        base({
          'POST /api/email/campaigns': async (req) => {
            posted.push(await req.json());
            return json(201, campaign());
          },
          'GET /api/email/campaigns/3': () => json(200, campaign()),
        }),
      ),
    );
    const user = userEvent.setup();
    const step = await startDraft(user);
    // Without variants there is no "Variant A" weight to fill in.
    expect(step.queryByRole('textbox', { name: 'Variant A weight' })).toBeNull();
    await user.click(step.getByRole('button', { name: 'Add variant' }));
    expect(step.getByText('Variant A')).toBeInTheDocument();
    expect(step.getByText('First touch', { selector: 'p' })).toBeInTheDocument();
    await user.selectOptions(step.getByRole('combobox', { name: 'Variant B template' }), 'Second angle');
    expect(screen.getByTestId('step-1-shares')).toHaveTextContent('Shares: A 50 % · B 50 %');
    const aWeight = step.getByRole('textbox', { name: 'Variant A weight' });
    await user.clear(aWeight);
    await user.type(aWeight, '3');
    expect(screen.getByTestId('step-1-shares')).toHaveTextContent('Shares: A 75 % · B 25 %');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      name: 'Split test',
      contact_ids: [5, 6],
      mailbox_ids: [1],
      steps: [{ template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 3, variants: [{ template_id: 5, weight: 1 }] }],
    });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/campaigns/3'));
  });

  it('says what is wrong with the variants before it asks the server; at most B, C and D', async () => {
    const api = mockApi(signedIn(SALES, base()));
    const user = userEvent.setup();
    const step = await startDraft(user);
    const add = step.getByRole('button', { name: 'Add variant' });
    await user.click(add);
    await user.click(add);
    await user.click(add);
    expect(add).toBeDisabled();
    expect(step.getByText('At most 3 variants (B, C, D).')).toBeInTheDocument();
    expect(step.getAllByRole('combobox', { name: /^Variant [BCD] template$/ })).toHaveLength(3);
    // Removing C re-letters D as C: the service labels the variants by their position.
    await user.selectOptions(step.getByRole('combobox', { name: 'Variant D template' }), 'Second angle');
    await user.click(step.getByRole('button', { name: 'Remove variant C' }));
    expect(step.queryByRole('combobox', { name: 'Variant D template' })).toBeNull();
    expect(step.getByRole('combobox', { name: 'Variant C template' })).toHaveValue('5');
    expect(add).toBeEnabled();

    await user.clear(step.getByRole('textbox', { name: 'Variant A weight' }));
    await user.type(step.getByRole('textbox', { name: 'Variant A weight' }), '1.5');
    await user.clear(step.getByRole('textbox', { name: 'Variant B weight' }));
    await user.type(step.getByRole('textbox', { name: 'Variant B weight' }), '0');
    await user.clear(step.getByRole('textbox', { name: 'Variant C weight' }));
    await user.type(step.getByRole('textbox', { name: 'Variant C weight' }), '101');
    expect(screen.getByTestId('step-1-shares')).toHaveTextContent('Shares show once every weight is a whole number from 1 to 100.');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await step.findByText('Pick a template for variant B.')).toBeInTheDocument();
    expect(step.getByRole('combobox', { name: 'Variant B template' })).toHaveAccessibleDescription('Pick a template for variant B.');
    for (const w of ['A', 'B', 'C']) {
      expect(step.getByRole('textbox', { name: `Variant ${w} weight` })).toHaveAccessibleDescription('The weight is a whole number from 1 to 100.');
    }
    expect(api.count('POST /api/email/campaigns')).toBe(0);
  });

  it("shows the service's 422 at the variant it names", async () => {
    mockApi(
      signedIn(
        SALES,
        base({
          // The template was deleted while the draft was being built.
          'POST /api/email/campaigns': () => problem(422, 'steps: no template 5', { errors: [{ loc: ['steps'], msg: 'unknown template 5', type: 'not_found' }] }),
        }),
      ),
    );
    const user = userEvent.setup();
    const step = await startDraft(user);
    await user.click(step.getByRole('button', { name: 'Add variant' }));
    await user.selectOptions(step.getByRole('combobox', { name: 'Variant B template' }), 'Second angle');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('steps: no template 5');
    expect(step.getByRole('combobox', { name: 'Variant B template' })).toHaveAccessibleDescription('Template 5 no longer exists; pick another.');
    expect(step.getByRole('combobox', { name: 'Step 1 template' })).not.toHaveAccessibleDescription();
  });

  it('editing a draft loads its variants and saves them back', async () => {
    const patched: unknown[] = [];
    const draft = campaign({
      steps: [
        { position: 1, template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 3, variants: [{ label: 'B', template_id: 5, weight: 1 }] },
        { position: 2, template_id: 4, delay_days: 3, business_days: true, ai_line: false, weight: 1, variants: [] },
      ],
    });
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/email/campaigns/3': () => json(200, draft),
          'PATCH /api/email/campaigns/3': async (req) => {
            patched.push(await req.json());
            return json(200, draft);
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/campaigns/3/edit');
    const step1 = within(await screen.findByRole('listitem', { name: 'Step 1' }));
    await waitFor(() => expect(step1.getByRole('combobox', { name: 'Variant B template' })).toHaveValue('5'));
    expect(step1.getByRole('textbox', { name: 'Variant A weight' })).toHaveValue('3');
    expect(screen.getByTestId('step-1-shares')).toHaveTextContent('Shares: A 75 % · B 25 %');
    expect(within(screen.getByRole('listitem', { name: 'Step 2' })).queryByRole('combobox', { name: 'Variant B template' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0]).toMatchObject({
      steps: [
        { template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 3, variants: [{ template_id: 5, weight: 1 }] },
        { template_id: 4, delay_days: 3, business_days: true, ai_line: false, weight: 1 },
      ],
    });
    expect((patched[0] as { steps: object[] }).steps[1]).not.toHaveProperty('variants');
  });
});

describe('A/B test on the campaign page', () => {
  const counts = { opened: 0, clicked: 0, replied: 0, interested: 0, bounced: 0, unsubscribed: 0 };
  it('shows a table per tested step with rates of sent, marks the leader by reply rate, and says when there are too few sends', async () => {
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/email/campaigns/3': () =>
            json(
              200,
              campaign({
                status: 'finished',
                track_opens: true,
                progress: progress({ total: 60, pending: 0, sent: 60 }),
                steps: [
                  { position: 1, template_id: 4, delay_days: 0, business_days: false, ai_line: false, weight: 1, variants: [{ label: 'B', template_id: 9, weight: 1 }] },
                  { position: 2, template_id: 4, delay_days: 3, business_days: true, ai_line: false, weight: 1, variants: [{ label: 'B', template_id: 5, weight: 1 }] },
                ],
              }),
            ),
          'GET /api/email/campaigns/3/stats': () =>
            json(200, {
              funnel: { sent: 60, opened: 20, clicked: 0, replied: 7, interested: 2, bounced: 1, unsubscribed: 0 },
              series: [],
              variants: [
                { ...counts, step: 1, label: 'B', template_id: 9, sent: 25, opened: 5, replied: 2 },
                { ...counts, step: 1, label: 'A', template_id: 4, sent: 25, opened: 10, clicked: 2, replied: 5, interested: 2, bounced: 1 },
                { ...counts, step: 2, label: 'A', template_id: 4, sent: 10, replied: 3 },
                { ...counts, step: 2, label: 'B', template_id: 5, sent: 0 },
              ],
            }),
        }),
      ),
    );
    renderApp('/campaigns/3');
    const first = await screen.findByRole('table', { name: 'A/B test, step 1' });
    const [, rowA, rowB] = within(first).getAllByRole('row');
    expect(within(rowA!).getByText('Leading')).toBeInTheDocument();
    expect(within(rowB!).queryByText('Leading')).toBeNull();
    expect(within(rowA!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['ALeading', 'First touch', '25', '40 %', 'off', '20 %', '2', '1', '0']);
    // Template 9 is not in the templates list: shown by its id.
    expect(within(rowB!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['B', '#9', '25', '20 %', 'off', '8 %', '0', '0', '0']);
    expect(screen.getByTestId('ab-1-verdict')).toHaveTextContent('A leads by reply rate.');

    const second = screen.getByRole('table', { name: 'A/B test, step 2' });
    expect(within(second).queryByText('Leading')).toBeNull();
    expect(within(screen.getByTestId('ab-2-B')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['B', 'Second angle', '0', '—', 'off', '—', '0', '0', '0']);
    expect(screen.getByTestId('ab-2-verdict')).toHaveTextContent('Too few sends to compare yet');
    expect(screen.getByRole('list', { name: 'Steps' })).toHaveTextContent('A/B: A, B');
  });

  it('shows no A/B table when the stats have no variants', async () => {
    mockApi(
      signedIn(
        SALES,
        base({
          'GET /api/email/campaigns/3': () => json(200, campaign({ status: 'finished', progress: progress({ pending: 0, sent: 2 }) })),
          'GET /api/email/campaigns/3/stats': () =>
            json(200, { funnel: { sent: 3, opened: 0, clicked: 0, replied: 0, interested: 0, bounced: 0, unsubscribed: 0 }, series: [], variants: [] }),
        }),
      ),
    );
    renderApp('/campaigns/3');
    // The stats' funnel (3) replaces the ledger's count (2) once they arrive.
    await waitFor(() => expect(screen.getByTestId('funnel-sent')).toHaveTextContent('3'));
    expect(screen.queryByRole('region', { name: 'A/B test' })).toBeNull();
  });
});
