import { AlertIcon } from './icons';
import { Button } from './Button';

export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
  retrying = false,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  return (
    <div role="alert" className="flex flex-col items-center px-6 py-14 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-red-50 text-red-600 [&_svg]:size-6">
        <AlertIcon />
      </div>
      <h2 className="text-base font-semibold text-gray-900">{title}</h2>
      {message ? <p className="mt-1.5 max-w-md text-sm text-gray-600">{message}</p> : null}
      {onRetry ? (
        <Button variant="secondary" className="mt-6" onClick={onRetry} loading={retrying}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
