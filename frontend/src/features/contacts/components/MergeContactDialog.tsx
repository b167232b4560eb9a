import { useState } from 'react';
import { Alert, Button, Dialog, Input, SearchIcon, Skeleton, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import type { ContactRead } from '../api';
import { useContactsList, useMergeContact } from '../hooks/useContacts';

/**
 * Pick another contact (searched by name, e-mail …) and merge it into this one.
 * The search starts with this contact's name, which is where duplicates usually are.
 */
export function MergeContactDialog({ contact, open, onClose }: { contact: ContactRead; open: boolean; onClose: () => void }) {
  const [search, setSearch] = useState(contact.name);
  const [picked, setPicked] = useState<ContactRead | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = useDebouncedValue(search.trim(), 250);
  const results = useContactsList({ limit: 8, offset: 0, ...(q ? { q } : {}) }, open && !picked);
  const merge = useMergeContact(contact.id);
  const { toast } = useToast();
  const candidates = (results.data?.items ?? []).filter((c) => c.id !== contact.id);

  function close() {
    setPicked(null);
    setError(null);
    setSearch(contact.name);
    merge.reset();
    onClose();
  }

  async function confirm() {
    if (!picked) return;
    try {
      await merge.mutateAsync(picked.id);
      toast({ tone: 'success', title: 'Contacts merged', description: `${picked.name} was merged into ${contact.name}.` });
      close();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={picked ? `Merge ${picked.name}?` : 'Merge a duplicate'}
      description={
        picked
          ? `${picked.name}${picked.email ? ` (${picked.email})` : ''} will be merged into ${contact.name}: missing details, notes and timeline move here and the duplicate is deleted. This can't be undone.`
          : `Find the duplicate of ${contact.name}. It will be merged into this contact.`
      }
      footer={
        picked ? (
          <>
            <Button variant="secondary" onClick={() => setPicked(null)}>
              Back
            </Button>
            <Button variant="danger" loading={merge.isPending} onClick={() => void confirm()}>
              Merge
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
        )
      }
    >
      {picked ? (
        error ? <Alert>{error}</Alert> : null
      ) : (
        <div className="space-y-3">
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400" />
            <Input type="search" aria-label="Search contacts to merge" className="pl-9" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {results.isLoading ? (
            <div className="space-y-2 py-2" aria-busy="true" aria-label="Searching">
              <Skeleton className="w-48" />
              <Skeleton className="w-40" />
            </div>
          ) : results.isError ? (
            <Alert>{errorMessage(results.error)}</Alert>
          ) : candidates.length === 0 ? (
            <p className="py-3 text-sm text-gray-500">No other contacts match.</p>
          ) : (
            <ul className="max-h-72 divide-y divide-gray-100 overflow-y-auto rounded-lg ring-1 ring-gray-200" aria-label="Matching contacts">
              {candidates.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-2.5">
                  <div className="min-w-0 text-sm">
                    <p className="truncate font-medium text-gray-900">{c.name}</p>
                    <p className="truncate text-xs text-gray-500">{[c.email, c.company_name, c.role].filter(Boolean).join(' · ') || `#${c.id}`}</p>
                  </div>
                  <Button size="sm" variant="secondary" aria-label={`Choose ${c.name}`} onClick={() => setPicked(c)}>
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  );
}
