import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Button,
  ConfirmDialog,
  EmptyState,
  NoMatches,
  PageHeader,
  PaginationFooter,
  PlusIcon,
  QueryErrorCard,
  SearchInput,
  UpdatingSpinner,
  UsersIcon,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { ROLE_LABELS, type Role, type UserRead } from '../api';
import { useUpdateUser, useUsersList } from '../hooks/useUsers';
import { NewUserDialog } from './NewUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UsersTable } from './UsersTable';
import { DisabledReason, useDemo } from '@/lib/demo';

export const USERS_PAGE_SIZE = 25;

export function UsersPage() {
  const { user: me } = useAuth();
  const { toast } = useToast();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const urlQ = params.get('q') ?? '';

  const query = useUsersList({ limit: USERS_PAGE_SIZE, offset: urlQ === q ? offset : 0, ...(q ? { q } : {}) });
  const update = useUpdateUser();

  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<UserRead | null>(null);
  const [toggle, setToggle] = useState<{ user: UserRead; next: boolean } | null>(null);

  // Keep q/offset in the URL (shareable, survives reload); a new search starts at page 1.
  useEffect(() => {
    if (urlQ === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    next.delete('offset');
    setParams(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  function setOffset(o: number) {
    const next = new URLSearchParams(params);
    if (o > 0) next.set('offset', String(o));
    else next.delete('offset');
    setParams(next);
  }

  async function changeRole(user: UserRead, role: Role) {
    if (role === user.role) return;
    try {
      await update.mutateAsync({ id: user.id, patch: { role } });
      toast({ tone: 'success', title: 'Role changed', description: `${user.name} is now ${ROLE_LABELS[role]}.` });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't change role", description: errorMessage(err) });
    }
  }

  async function confirmToggle() {
    if (!toggle) return;
    const { user, next } = toggle;
    try {
      await update.mutateAsync({ id: user.id, patch: { is_active: next } });
      toast({ tone: 'success', title: next ? 'User activated' : 'User deactivated', description: user.name });
    } catch (err) {
      toast({ tone: 'error', title: next ? "Couldn't activate user" : "Couldn't deactivate user", description: errorMessage(err) });
    } finally {
      setToggle(null);
    }
  }

  const data = query.data;
  const usersRefused = useDemo().reason('users');
  const busyUserId = update.isPending ? (update.variables?.id ?? null) : null;

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to this workspace, their roles and access."
        actions={
          <DisabledReason reason={usersRefused}>
            <Button icon={<PlusIcon className="size-4" />} onClick={() => setCreating(true)}>
              New user
            </Button>
          </DisabledReason>
        }
      />

      <div className="mb-4 flex items-center gap-3">
        <SearchInput label="Search users" placeholder="Search by name or e-mail" value={search} onChange={setSearch} className="w-full max-w-sm" />
        <UpdatingSpinner query={query} />
      </div>

      {query.isError && !data ? (
        <QueryErrorCard title="Couldn't load users" query={query} />
      ) : (
        <>
          <UsersTable
            users={data?.items}
            loading={query.isLoading}
            currentUserId={me?.id}
            busyUserId={busyUserId}
            onRoleChange={changeRole}
            onActiveToggle={(user, next) => setToggle({ user, next })}
            onResetPassword={setResetFor}
            empty={
              q ? (
                <NoMatches
                  title="No users match your search"
                  description={`Nobody's name or e-mail contains “${q}”.`}
                  onClear={() => setSearch('')}
                  clearLabel="Clear search"
                />
              ) : (
                <EmptyState
                  icon={<UsersIcon />}
                  title="No users yet"
                  description="Invite your sales team so they can work leads and run campaigns."
                  action={
                    <DisabledReason reason={usersRefused}>
                      <Button icon={<PlusIcon className="size-4" />} onClick={() => setCreating(true)}>
                        New user
                      </Button>
                    </DisabledReason>
                  }
                />
              )
            }
          />
          <PaginationFooter page={data} pageSize={USERS_PAGE_SIZE} label="Users pages" onOffsetChange={setOffset} />
        </>
      )}

      <NewUserDialog open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordDialog user={resetFor} onClose={() => setResetFor(null)} />
      <ConfirmDialog
        open={toggle !== null}
        title={toggle?.next ? `Activate ${toggle.user.name}?` : `Deactivate ${toggle?.user.name ?? ''}?`}
        description={
          toggle?.next
            ? 'They will be able to sign in again with their existing password.'
            : "They will be signed out everywhere and won't be able to sign in until reactivated. Their data stays."
        }
        confirmLabel={toggle?.next ? 'Activate' : 'Deactivate'}
        tone={toggle?.next ? 'primary' : 'danger'}
        pending={update.isPending}
        onConfirm={() => void confirmToggle()}
        onCancel={() => setToggle(null)}
      />
    </>
  );
}
