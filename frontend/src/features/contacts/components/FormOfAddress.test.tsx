import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contact } from '@/test/leadsFixtures';
import { json, mockApi, SALES, signedIn } from '@/test/mockApi';
import { renderApp } from '@/test/render';

const greetings = (de: string, en: string) => ({ de: { formal: de, informal: 'Hallo Klaus,' }, en: { formal: en, informal: 'Hi Klaus,' } });
const bergmann = contact({ name: 'Dr. Klaus Bergmann', form_of_address: 'unknown', salutations: greetings('Guten Tag Dr. Klaus Bergmann,', 'Dear Dr. Bergmann,') });

describe('Contact page → form of address', () => {
  it('shows the greeting and saves Herr / Frau / unknown on change', async () => {
    const api = mockApi(
      signedIn(SALES, {
        'GET /api/leads/contacts/5': () => json(200, bergmann),
        'GET /api/leads/contacts/5/notes': () => json(200, []),
        'GET /api/leads/contacts/5/timeline': () => json(200, { items: [], total: 0, limit: 20, offset: 0 }),
        'PATCH /api/leads/contacts/5': async (req) => {
          const body = (await req.json()) as { form_of_address: string };
          expect(body).toEqual({ form_of_address: 'herr' });
          return json(200, { ...bergmann, form_of_address: 'herr', salutations: greetings('Sehr geehrter Herr Dr. Bergmann,', 'Dear Dr. Bergmann,') });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/contacts/5');
    const select = await screen.findByRole('combobox', { name: 'Form of address' });
    expect(select).toHaveValue('unknown');
    expect(screen.getByTestId('greeting-preview')).toHaveTextContent('Guten Tag Dr. Klaus Bergmann, · Dear Dr. Bergmann, (neutral until the form of address is known)');
    await user.selectOptions(select, 'herr');
    await waitFor(() => expect(screen.getByTestId('greeting-preview')).toHaveTextContent('Sehr geehrter Herr Dr. Bergmann,'));
    expect(select).toHaveValue('herr');
    expect(api.count('PATCH /api/leads/contacts/5')).toBe(1);
  });
});
