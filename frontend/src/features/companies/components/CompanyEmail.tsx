import { useState } from 'react';
import { Link } from 'react-router';
import { Card, CardHeader, Skeleton } from '@/components/ui';
import { EmailThread } from '@/components/email/EmailHistoryCard';
import { useCompanyContacts } from '../hooks/useCompanies';

/** The e-mail history of the company's contacts, one thread per contact (loaded when opened). */
export function CompanyEmail({ companyId }: { companyId: number }) {
  const contacts = useCompanyContacts(companyId);
  const withEmail = (contacts.data?.items ?? []).filter((c) => c.email);
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  return (
    <Card role="region" aria-label="E-mail">
      <CardHeader title="E-mail" description="Each contact's messages with their status, and the replies, as a thread." />
      <div className="p-5">
        {contacts.isLoading ? (
          <Skeleton className="h-12 w-full" />
        ) : withEmail.length === 0 ? (
          <p className="text-sm text-gray-500">No contact here has an e-mail address.</p>
        ) : (
          <ul className="divide-y divide-gray-100">
            {withEmail.map((c) => (
              <li key={c.id} className="py-2">
                <details
                  open={open.has(c.id)}
                  onToggle={(e) => {
                    const isOpen = (e.currentTarget as HTMLDetailsElement).open;
                    setOpen((s) => {
                      const next = new Set(s);
                      if (isOpen) next.add(c.id);
                      else next.delete(c.id);
                      return next;
                    });
                  }}
                >
                  <summary className="cursor-pointer text-sm">
                    <span className="font-medium text-gray-900">{c.name}</span> <span className="text-gray-500">{c.email}</span>
                  </summary>
                  {open.has(c.id) ? (
                    <div className="mt-3 space-y-2">
                      <EmailThread contactId={c.id} />
                      <Link to={`/contacts/${c.id}`} className="text-xs font-medium text-accent-700 hover:underline">
                        Open {c.name}
                      </Link>
                    </div>
                  ) : null}
                </details>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
