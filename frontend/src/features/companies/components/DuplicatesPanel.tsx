import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, CardHeader, ConfirmDialog, MergeIcon, Skeleton, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import type { CompanyRead } from '../api';
import { useDuplicates, useMergeCompany } from '../hooks/useCompanies';

function why(target: CompanyRead, dup: CompanyRead): string {
  if (target.vat_id && target.vat_id === dup.vat_id) return `Same VAT ID ${dup.vat_id}`;
  if (target.register_number && target.register_number === dup.register_number) return `Same register number ${dup.register_number}`;
  return 'Same name and city';
}

/** "Possible duplicates" of a company (same VAT id, register number, or name + city) with a Merge action. */
export function DuplicatesPanel({ company, canMerge }: { company: CompanyRead; canMerge: boolean }) {
  const query = useDuplicates(company.id);
  const merge = useMergeCompany(company.id);
  const { toast } = useToast();
  const [target, setTarget] = useState<CompanyRead | null>(null);

  async function confirm() {
    if (!target) return;
    try {
      await merge.mutateAsync(target.id);
      toast({ tone: 'success', title: 'Companies merged', description: `${target.name} was merged into ${company.name}.` });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't merge", description: errorMessage(err) });
    } finally {
      setTarget(null);
    }
  }

  const dups = query.data ?? [];
  if (!query.isLoading && !query.isError && dups.length === 0) return null;

  return (
    <Card>
      <CardHeader title="Possible duplicates" description="Same VAT ID, register number, or name and city." />
      {query.isLoading ? (
        <div className="p-5" aria-busy="true" aria-label="Looking for duplicates">
          <Skeleton className="w-40" />
        </div>
      ) : query.isError ? (
        <p className="px-5 py-4 text-sm text-red-700">{errorMessage(query.error)}</p>
      ) : (
        <ul className="divide-y divide-gray-100" aria-label="Possible duplicates">
          {dups.map((d) => (
            <li key={d.id} className="flex items-center justify-between gap-3 px-5 py-3">
              <div className="min-w-0">
                <Link to={`/companies/${d.id}`} className="block truncate text-sm font-medium text-gray-900 hover:text-accent-700 hover:underline">
                  {d.name}
                </Link>
                <p className="truncate text-xs text-gray-500">{[d.domain, d.city, why(company, d)].filter(Boolean).join(' · ')}</p>
              </div>
              {canMerge ? (
                <Button variant="secondary" size="sm" icon={<MergeIcon className="size-4" />} onClick={() => setTarget(d)} aria-label={`Merge ${d.name} into this company`}>
                  Merge
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={target !== null}
        title={`Merge ${target?.name ?? ''}?`}
        description={`${target?.name ?? 'The duplicate'} will be merged into ${company.name}: its missing facts, contacts, notes and timeline move here, and the duplicate is deleted. This can't be undone.`}
        confirmLabel="Merge"
        tone="danger"
        pending={merge.isPending}
        onConfirm={() => void confirm()}
        onCancel={() => setTarget(null)}
      />
    </Card>
  );
}
