import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aiMeta, emailResult, provider, RULES_PROVIDER } from '@/test/aiFixtures';
import { company, contact, page } from '@/test/leadsFixtures';
import { DEMO, json, mockApi, problem, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';

function routes(over: Routes = {}): Routes {
  return {
    'GET /api/ai/provider': () => json(200, provider()),
    'GET /api/email/template-variables': () => json(200, { items: [{ name: 'contact.first_name', description: 'first name', example: null }] }),
    ...over,
  };
}

async function fillDraft(user: ReturnType<typeof userEvent.setup>, subject: string, body: string) {
  await user.type(screen.getByRole('textbox', { name: 'Subject' }), subject);
  await user.type(screen.getByRole('textbox', { name: 'Text body' }), body);
}

describe('Templates → the AI assistant in the editor', () => {
  it('"Shorter" sends the current subject and body, replaces them, and Undo restores them', async () => {
    const server = mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/ai/write/improve': () =>
            json(200, emailResult({ subject: 'Short intro', body: 'Hi {{first_name}}, a quick hello.', ai: aiMeta({ prompt_name: 'improve_email', cached: true }) })),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/templates/new');
    const assistant = await screen.findByRole('region', { name: 'AI assistant' });
    expect(await within(assistant).findByText('AI: gpt-4o-mini')).toBeInTheDocument();

    const shorter = within(assistant).getByRole('button', { name: 'Shorter' });
    expect(shorter).toBeDisabled(); // nothing to shorten yet
    await fillDraft(user, 'A long introduction', 'Hello there, this is a very long e-mail.');
    expect(shorter).toBeEnabled();
    await user.click(shorter);

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Short intro'));
    expect(screen.getByRole('textbox', { name: 'Text body' })).toHaveValue('Hi {{first_name}}, a quick hello.');
    const sent = server.calls.find((c) => c.method === 'POST' && c.path === '/api/ai/write/improve')!;
    expect(await sent.request.json()).toEqual({
      subject: 'A long introduction',
      body: 'Hello there, this is a very long e-mail.',
      action: 'shorter',
      instruction: '',
    });
    const meta = within(assistant).getByTestId('ai-meta');
    expect(within(meta).getByText('AI: gpt-4o-mini')).toBeInTheDocument();
    expect(within(meta).getByText('cached')).toBeInTheDocument();
    expect(meta).toHaveTextContent('tokens');
    expect(screen.getByText(/Shorter: the subject and both bodies were replaced/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo Shorter' }));
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('A long introduction');
    expect(screen.getByRole('textbox', { name: 'Text body' })).toHaveValue('Hello there, this is a very long e-mail.');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  it('"Write" sends instruction, tone, length, register, the picked company and contact, and its language', async () => {
    const muller = company();
    const server = mockApi(
      signedIn(
        SALES,
        routes({
          'GET /api/leads/companies': (_r, url) => json(200, page(url.searchParams.get('q') === 'mül' ? [muller] : [])),
          'GET /api/leads/contacts': () => json(200, page([contact()])),
          'POST /api/ai/write/email': () => json(200, emailResult({ subject: 'Hallo Hans', body: 'Guten Tag Herr Müller,\n\n…' })),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/templates/new');
    const assistant = await screen.findByRole('region', { name: 'AI assistant' });
    await user.type(within(assistant).getByLabelText('Instruction'), 'Introduce our payroll tool');
    await user.selectOptions(within(assistant).getByLabelText('Tone'), 'formal');
    await user.selectOptions(within(assistant).getByLabelText('Length'), 'short');
    await user.selectOptions(within(assistant).getByLabelText('Register'), 'informal');

    const companyBox = within(assistant).getByRole('combobox', { name: 'Company (optional)' });
    await user.type(companyBox, 'mül');
    const option = await within(assistant).findByRole('option', { name: /Müller Steuerberatung GmbH/ });
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(within(assistant).getByTestId('picker-selected')).toHaveTextContent('Müller Steuerberatung GmbH');
    expect(within(assistant).getByRole('button', { name: 'Clear company' })).toHaveFocus();

    await user.type(within(assistant).getByRole('combobox', { name: 'Contact (optional)' }), 'hans');
    await user.click(await within(assistant).findByRole('option', { name: /Hans Müller/ }));
    await waitFor(() => expect(server.calls.some((c) => c.path.startsWith('/api/leads/contacts') && c.path.includes('company_id=1'))).toBe(true));

    await user.click(within(assistant).getByRole('button', { name: 'Write' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Hallo Hans'));
    const sent = server.calls.find((c) => c.method === 'POST' && c.path === '/api/ai/write/email')!;
    expect(await sent.request.json()).toEqual({
      instruction: 'Introduce our payroll tool',
      tone: 'formal',
      length: 'short',
      language: 'de',
      register: 'informal',
      company_id: 1,
      contact_id: 5,
    });
    expect(screen.getByRole('button', { name: 'Undo Write' })).toBeEnabled();
  });

  it('renders model output containing <script> as text', async () => {
    const evil = '<script>alert("pwned")</script>Hello';
    mockApi(
      signedIn(
        SALES,
        routes({
          'GET /api/ai/provider': () => json(200, RULES_PROVIDER),
          'POST /api/ai/write/email': () =>
            json(200, emailResult({ subject: '<img src=x onerror=alert(1)>', body: evil, warnings: ['<b>Removed</b> a link'], ai: aiMeta({ generated_by: 'rules (not AI)', provider: 'heuristic', model: 'rules' }) })),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/templates/new');
    const assistant = await screen.findByRole('region', { name: 'AI assistant' });
    expect(await within(assistant).findByText('Rules (not AI)')).toBeInTheDocument();
    await user.click(within(assistant).getByRole('button', { name: 'Write' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Text body' })).toHaveValue(evil));
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('<img src=x onerror=alert(1)>');
    expect(within(assistant).getByText('<b>Removed</b> a link')).toBeInTheDocument();
    expect(document.querySelector('script, img, b')).toBeNull();
  });

  it('shows a spent budget and a failed model readably', async () => {
    let n = 0;
    mockApi(
      signedIn(
        SALES,
        routes({
          'POST /api/ai/write/improve': () =>
            ++n === 1
              ? problem(429, 'Your daily AI budget of 50000 tokens is used up (50210 today); it resets at midnight UTC.', { type: 'urn:outbound:problem:budget-exceeded' }, { 'Retry-After': '90' })
              : problem(502, 'The model answered with invalid output twice.', { type: 'urn:outbound:problem:model-output-invalid' }),
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/templates/new');
    const assistant = await screen.findByRole('region', { name: 'AI assistant' });
    await fillDraft(user, 'Hi', 'Some body');
    await user.click(within(assistant).getByRole('button', { name: 'Improve' }));
    const alert = await within(assistant).findByRole('alert');
    expect(alert).toHaveTextContent('Daily AI budget used up');
    expect(alert).toHaveTextContent('Your daily AI budget of 50000 tokens is used up (50210 today); it resets at midnight UTC.');
    expect(alert).toHaveTextContent('It resets in 2 min.');
    expect(screen.getByRole('textbox', { name: 'Text body' })).toHaveValue('Some body');

    await user.click(within(assistant).getByRole('button', { name: 'More personal' }));
    await waitFor(() => expect(within(assistant).getByRole('alert')).toHaveTextContent('The model failed'));
    expect(within(assistant).getByRole('alert')).toHaveTextContent('The model answered with invalid output twice.');
  });

  it('demo role: the editor works but every AI button is disabled', async () => {
    const server = mockApi(signedIn(DEMO, routes()));
    const user = userEvent.setup();
    renderApp('/templates/new');
    const assistant = await screen.findByRole('region', { name: 'AI assistant' });
    await fillDraft(user, 'Hello', 'Body text');
    for (const name of ['Write', 'Improve', 'Shorter', 'More personal', 'Fix grammar']) {
      const button = within(assistant).getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription('AI features are switched off for the demo account.');
      await user.click(button);
    }
    expect(server.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/api/ai/'))).toEqual([]);
  });
});
