import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Dialog, FileDrop, ImportSummary, importProblems, UploadIcon, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import type { ImportReport } from '../api';
import { useImportCompanies } from '../hooks/useCompanies';

const MAX_LINKS = 10;

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importer = useImportCompanies();
  const { toast } = useToast();

  function close() {
    setFile(null);
    setReport(null);
    setError(null);
    importer.reset();
    onClose();
  }

  async function run() {
    if (!file) return setError('Choose a CSV file first.');
    setError(null);
    try {
      const rep = await importer.mutateAsync(file);
      setReport(rep);
      toast({ tone: 'success', title: 'Import finished', description: `${rep.created} created, ${rep.updated} updated, ${rep.skipped} skipped.` });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Import companies"
      description={
        report
          ? `Imported from ${file?.name ?? 'your file'}.`
          : 'A CSV with a header row: name and/or website, plus any of city, country, e-mail, phone, tags … (comma or semicolon separated). Existing domains are completed, not duplicated.'
      }
      footer={
        report ? (
          <Button onClick={close}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button icon={<UploadIcon className="size-4" />} loading={importer.isPending} onClick={() => void run()}>
              Import
            </Button>
          </>
        )
      }
    >
      {report ? (
        <ImportSummary created={report.created} updated={report.updated} skipped={report.skipped} problems={importProblems(report.errors)}>
          {report.company_ids.length ? (
            <p className="text-sm text-gray-700">
              {report.company_ids.slice(0, MAX_LINKS).map((id, i) => (
                <span key={id}>
                  {i > 0 ? ', ' : 'Open: '}
                  <Link to={`/companies/${id}`} onClick={close} className="font-medium text-accent-700 hover:underline">
                    #{id}
                  </Link>
                </span>
              ))}
              {report.company_ids.length > MAX_LINKS ? <span className="text-gray-500"> and {report.company_ids.length - MAX_LINKS} more</span> : null}
            </p>
          ) : null}
        </ImportSummary>
      ) : (
        <div className="space-y-4">
          <FileDrop label="Choose a CSV file" file={file} onFile={setFile} hint="UTF-8; English or German column names (Firma, PLZ, Ort, Telefon …)." />
          {error ? <Alert title="Import failed">{error}</Alert> : null}
        </div>
      )}
    </Dialog>
  );
}
