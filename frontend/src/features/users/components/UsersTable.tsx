import { Button, KeyIcon, Select, Switch, Table, TableEmptyRow, TableSkeleton, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { formatDate, formatDateTime, formatRelative } from '@/lib/format';
import { ROLE_LABELS, ROLES, type Role, type UserRead } from '../api';
import { RoleBadge } from './RoleBadge';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

export type UsersTableProps = {
  users: UserRead[] | undefined;
  loading: boolean;
  currentUserId: number | undefined;
  busyUserId: number | null;
  onRoleChange: (user: UserRead, role: Role) => void;
  onActiveToggle: (user: UserRead, next: boolean) => void;
  onResetPassword: (user: UserRead) => void;
  empty?: React.ReactNode;
};

export function UsersTable({ users, loading, currentUserId, busyUserId, onRoleChange, onActiveToggle, onResetPassword, empty }: UsersTableProps) {
  const columns = 7;
  return (
    <Table aria-label="Users">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>E-mail</Th>
          <Th>Role</Th>
          <Th>Active</Th>
          <Th>Created</Th>
          <Th>Last login</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      {loading ? (
        <TableSkeleton columns={columns} label="Loading users" />
      ) : (
        <TBody>
          {users && users.length === 0 ? <TableEmptyRow columns={columns}>{empty}</TableEmptyRow> : null}
          {users?.map((u) => {
            const self = u.id === currentUserId;
            const busy = busyUserId === u.id;
            return (
              <Tr key={u.id} className={u.is_active ? undefined : 'bg-gray-50/60'}>
                <Td>
                  <div className="flex items-center gap-3">
                    <span
                      aria-hidden="true"
                      className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-800"
                    >
                      {initials(u.name)}
                    </span>
                    <span className={u.is_active ? 'font-medium whitespace-nowrap text-gray-900' : 'font-medium whitespace-nowrap text-gray-500'}>
                      {u.name}
                      {self ? <span className="ml-2 text-xs font-normal text-gray-500">(you)</span> : null}
                    </span>
                  </div>
                </Td>
                <Td className="text-gray-600">{u.email}</Td>
                <Td>
                  <RoleBadge role={u.role} />
                </Td>
                <Td>
                  <div className="flex items-center gap-2">
                    <Switch
                      checked={u.is_active}
                      label={`Active: ${u.name}`}
                      disabled={self || busy}
                      title={self ? "You can't deactivate yourself" : undefined}
                      onChange={(next) => onActiveToggle(u, next)}
                    />
                    <span className="text-xs text-gray-500">{u.is_active ? 'Active' : 'Inactive'}</span>
                  </div>
                </Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={u.created_at} title={formatDateTime(u.created_at)}>
                    {formatDate(u.created_at)}
                  </time>
                </Td>
                <Td className="whitespace-nowrap">
                  {u.last_login_at ? (
                    <time dateTime={u.last_login_at} title={formatDateTime(u.last_login_at)}>
                      {formatRelative(u.last_login_at)}
                    </time>
                  ) : (
                    <span className="text-gray-400">Never</span>
                  )}
                </Td>
                <Td>
                  <div className="flex items-center justify-end gap-2">
                    <Select
                      aria-label={`Role for ${u.name}`}
                      controlSize="sm" className="w-28"
                      value={u.role}
                      disabled={self || busy}
                      title={self ? "You can't change your own role" : undefined}
                      onChange={(e) => onRoleChange(u, e.target.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </Select>
                    <Button
                      variant="ghost"
                      size="sm"
                      icon={<KeyIcon className="size-4" />}
                      aria-label={`Reset password for ${u.name}`}
                      title="Reset password"
                      onClick={() => onResetPassword(u)}
                    >
                      <span className="hidden 2xl:inline">Reset password</span>
                    </Button>
                  </div>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      )}
    </Table>
  );
}
