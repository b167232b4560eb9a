import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { provider } from '@/test/aiFixtures';
import { contact, page } from '@/test/leadsFixtures';
import { json, mockApi, problem, SALES, signedIn, type Routes } from '@/test/mockApi';
import { renderApp } from '@/test/render';
import type { EmailTemplate } from '../api';

const VARIABLES = [
  { name: 'contact.first_name', description: 'first name', example: 'Hans' },
  { name: 'company.name', description: 'company name', example: null },
  { name: 'unsubscribe_url', description: 'one-click unsubscribe link', example: null },
];
const stored: EmailTemplate = {
  id: 4, name: 'First touch', subject: 'Hi {{ contact.first_name }}', body_html: '<p>Hello</p>', body_text: null, register: 'formal', variables: ['contact.first_name'],
  created_by: null, created_at: '2026-01-01T10:00:00Z', updated_at: '2026-01-01T10:00:00Z',
};

function routes(over: Routes = {}): Routes {
  return signedIn(SALES, {
    'GET /api/ai/provider': () => json(200, provider()),
    'GET /api/email/template-variables': () => json(200, { items: VARIABLES }),
    ...over,
  });
}

describe('Templates', () => {
  it('lists stored templates', async () => {
    mockApi(routes({ 'GET /api/email/templates': () => json(200, { items: [stored], total: 1 }) }));
    renderApp('/templates');
    const table = await screen.findByRole('table', { name: 'Templates' });
    expect(within(table).getByRole('link', { name: 'First touch' })).toHaveAttribute('href', '/templates/4');
    expect(screen.getByRole('link', { name: 'New template' })).toHaveAttribute('href', '/templates/new');
  });

  it('creates a template with a variable inserted from the panel, then opens it', async () => {
    const posted: unknown[] = [];
    mockApi(
      routes({
        'POST /api/email/templates': async (req) => {
          posted.push(await req.json());
          return json(201, { ...stored, id: 12 });
        },
        'GET /api/email/templates/12': () => json(200, { ...stored, id: 12 }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/templates/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'First touch');
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Hello ');
    await user.click(await screen.findByRole('button', { name: 'Insert contact.first_name: first name' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Hello {{ contact.first_name }}'));
    fireEvent.change(screen.getByRole('textbox', { name: 'HTML body' }), { target: { value: '<p>Hi</p>' } });
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ name: 'First touch', subject: 'Hello {{ contact.first_name }}', body_html: '<p>Hi</p>', body_text: null, register: 'formal' });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/templates/12'));
  });

  it("shows the service's 422 at the field and line it names", async () => {
    mockApi(
      routes({
        'GET /api/email/templates/4': () => json(200, stored),
        'PATCH /api/email/templates/4': () =>
          problem(422, 'body_html, line 2: access to attribute __class__ is not allowed', {
            errors: [{ loc: ['body_html'], line: 2, msg: 'access to attribute __class__ is not allowed', type: 'template_invalid' }],
          }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/templates/4');
    const html = await screen.findByRole('textbox', { name: 'HTML body' });
    fireEvent.change(html, { target: { value: "<p>Hello</p>\n{{ ''.__class__.__mro__ }}" } });
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Line 2: access to attribute __class__ is not allowed');
    expect(html).toHaveAttribute('aria-invalid', 'true');
    expect(html).toHaveFocus();
    expect((html as HTMLTextAreaElement).selectionStart).toBe('<p>Hello</p>\n'.length);
  });

  it('previews the saved template for a picked contact, with what would render empty', async () => {
    const previews: unknown[] = [];
    mockApi(
      routes({
        'GET /api/email/templates/4': () => json(200, stored),
        'GET /api/leads/contacts': () => json(200, page([contact()])),
        'POST /api/email/templates/4/preview': async (req) => {
          previews.push(await req.json());
          return json(200, { subject: 'Hi Hans', html: '<p>Hello Hans</p>', text: 'Hello Hans', empty_variables: ['company.city'], context: {} });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/templates/4');
    const panel = await screen.findByRole('region', { name: 'Preview' });
    await user.type(within(panel).getByRole('combobox', { name: 'Preview as' }), 'Hans');
    await user.click(await within(panel).findByRole('option', { name: /Hans Müller/ }));
    expect(await within(panel).findByTestId('preview-subject')).toHaveTextContent('Hi Hans');
    expect(within(panel).getByTitle('Preview HTML')).toHaveAttribute('sandbox', '');
    expect(within(panel).getByTestId('preview-text')).toHaveTextContent('Hello Hans');
    expect(within(panel).getByText(/company\.city would render empty/)).toBeInTheDocument();
    expect(previews[0]).toEqual({ contact_id: 5 });
  });
});
