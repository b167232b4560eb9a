import { useState } from 'react';
import { Alert, Button, Dialog, DownloadIcon, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { saveBlob } from '@/lib/download';
import { STATUS_LABELS, type Delimiter, type LeadStatus } from '../api';
import { useExportCompanies } from '../hooks/useCompanies';

const OPTIONS: Array<{ value: Delimiter; label: string; hint: string }> = [
  { value: 'comma', label: 'Comma ( , )', hint: 'Most tools, Google Sheets, Numbers' },
  { value: 'semicolon', label: 'Semicolon ( ; )', hint: 'Excel with German or other European settings' },
];

export function ExportDialog({
  open,
  onClose,
  filters,
  otherFilters,
}: {
  open: boolean;
  onClose: () => void;
  filters: { q: string; status: LeadStatus | undefined; tag: string };
  /** Country/city filters are set: the export endpoint does not support them. */
  otherFilters: boolean;
}) {
  const [delimiter, setDelimiter] = useState<Delimiter>('comma');
  const exporter = useExportCompanies();
  const { toast } = useToast();

  function close() {
    exporter.reset();
    onClose();
  }

  async function download() {
    try {
      const { blob, filename } = await exporter.mutateAsync({
        delimiter,
        ...(filters.q ? { q: filters.q } : {}),
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.tag ? { tag: filters.tag } : {}),
      });
      saveBlob(blob, filename);
      toast({ tone: 'success', title: 'Export ready', description: `${filename} was downloaded.` });
      close();
    } catch {
      // Shown in the dialog.
    }
  }

  const active = [
    filters.q ? `search “${filters.q}”` : null,
    filters.status ? `status ${STATUS_LABELS[filters.status]}` : null,
    filters.tag ? `tag “${filters.tag}”` : null,
  ].filter(Boolean);

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Export companies"
      description={active.length ? `Exports the companies matching ${active.join(', ')}.` : 'Exports all companies.'}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button icon={<DownloadIcon className="size-4" />} loading={exporter.isPending} onClick={() => void download()}>
            Download CSV
          </Button>
        </>
      }
    >
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-gray-800">Separator</legend>
        {OPTIONS.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-lg px-3 py-2.5 ring-1 ring-gray-200 has-checked:bg-accent-50 has-checked:ring-accent-300">
            <input
              type="radio"
              name="delimiter"
              value={o.value}
              checked={delimiter === o.value}
              onChange={() => setDelimiter(o.value)}
              className="mt-0.5 size-4 accent-accent-600"
            />
            <span className="text-sm">
              <span className="block font-medium text-gray-900">{o.label}</span>
              <span className="block text-gray-500">{o.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {otherFilters ? (
        <Alert tone="info" className="mt-4">
          The country and city filters don't apply to the export.
        </Alert>
      ) : null}
      {exporter.isError ? (
        <Alert className="mt-4" title="Export failed">
          {errorMessage(exporter.error)}
        </Alert>
      ) : null}
    </Dialog>
  );
}
