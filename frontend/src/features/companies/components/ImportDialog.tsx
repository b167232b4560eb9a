import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Dialog, FileDrop, ImportSummary, importProblems, ProgressBar, UploadIcon, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { formatNumber } from '@/lib/format';
import { importReportOf, isJobActive, type ImportReport } from '../api';
import { useCancelImport, useImportCompanies, useImportJob } from '../hooks/useCompanies';

const MAX_LINKS = 10;

/** Rows the import refused, named by line and company so a person can fix them in the file. */
function rowProblems(report: ImportReport) {
  return importProblems(report.errors);
}

/**
 * CSV import as a job: the file is checked at once (a malformed one is refused naming the line), then
 * imported in committed batches with a progress bar; the report lists what was made and what was refused.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [batchSize, setBatchSize] = useState(500);
  const [error, setError] = useState<string | null>(null);
  const importer = useImportCompanies();
  const cancel = useCancelImport();
  const job = useImportJob(jobId).data;
  const { toast } = useToast();
  const running = jobId !== null && (!job || isJobActive(job.status));
  const report = job && !running ? importReportOf(job) : null;

  function close() {
    setFile(null);
    setJobId(null);
    setError(null);
    importer.reset();
    onClose();
  }

  async function run() {
    if (!file) return setError('Choose a CSV file first.');
    setError(null);
    try {
      const started = await importer.mutateAsync(file);
      setBatchSize(started.batch_size);
      setJobId(started.job.id);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function stop() {
    if (jobId === null) return;
    try {
      await cancel.mutateAsync(jobId);
      toast({ tone: 'info', title: 'Stopping the import', description: 'Batches already imported are kept.' });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't stop the import", description: errorMessage(err) });
    }
  }

  const done = job?.progress_done ?? 0;
  const total = job?.progress_total ?? 0;
  const ended = job && !running ? job.status : null;

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Import companies"
      description={
        jobId !== null
          ? `Importing ${file?.name ?? 'your file'} in batches of ${formatNumber(batchSize)} rows; each finished batch is saved.`
          : 'A CSV with a header row: name and/or website, plus any of city, country, e-mail, phone, tags … (comma or semicolon separated). Existing domains are completed, not duplicated.'
      }
      footer={
        ended ? (
          <Button onClick={close}>Done</Button>
        ) : running ? (
          <Button variant="secondary" loading={cancel.isPending} disabled={job?.cancel_requested} onClick={() => void stop()}>
            Stop import
          </Button>
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
      {jobId !== null ? (
        <div className="space-y-4" aria-live="polite">
          <div>
            <p className="mb-2 text-sm text-gray-700 tabular-nums" role="status" data-testid="import-progress">
              {total ? `${formatNumber(done)} of ${formatNumber(total)} rows` : 'Starting…'}
              {ended === 'cancelled' ? ' — stopped; the rows above were imported.' : null}
            </p>
            <ProgressBar value={done} max={total} label={`Import progress: ${done} of ${total} rows`} />
          </div>
          {ended === 'failed' ? <Alert title="The import stopped with an error">{job?.error ?? 'Unknown error.'}</Alert> : null}
          {report ? (
            <ImportSummary created={report.created} updated={report.updated} skipped={report.skipped} problems={rowProblems(report)}>
              {report.companies.length ? (
                <p className="text-sm text-gray-700">
                  {report.companies.slice(0, MAX_LINKS).map((c, i) => (
                    <span key={String(c.id)}>
                      {i > 0 ? ', ' : 'Open: '}
                      <Link to={`/companies/${String(c.id)}`} onClick={close} className="font-medium text-accent-700 hover:underline">
                        {String(c.name)}
                      </Link>
                    </span>
                  ))}
                  {report.companies.length > MAX_LINKS ? <span className="text-gray-500"> and {report.companies.length - MAX_LINKS} more</span> : null}
                </p>
              ) : null}
            </ImportSummary>
          ) : null}
        </div>
      ) : (
        <div className="space-y-4">
          <FileDrop label="Choose a CSV file" file={file} onFile={setFile} hint="UTF-8; English or German column names (Firma, PLZ, Ort, Telefon …)." />
          {error ? <Alert title="Import failed">{error}</Alert> : null}
        </div>
      )}
    </Dialog>
  );
}
