import { SignedInQueries } from '../SignedInQueries';
import { AppLayout } from './AppLayout';

/** Everything behind sign-in: the query cache and the layout, one chunk the sign-in page never loads. */
export function SignedInApp() {
  return (
    <SignedInQueries>
      <AppLayout />
    </SignedInQueries>
  );
}
