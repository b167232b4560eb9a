/**
 * Users feature ↔ backend. All generated-type usage for this feature lives here,
 * so a regenerated schema only needs fixes in this file.
 */
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components, paths } from '@/api/schema';

type S = components['schemas'];
export type UserRead = S['UserRead'];
export type UserCreate = S['UserCreate'];
export type UserUpdate = S['UserUpdate'];
export type PasswordReset = S['PasswordReset'];
export type Role = S['Role'];
export type UsersPage = S['Page_UserRead_'];
export type UserId = UserRead['id'];
export type ListUsersParams = NonNullable<paths['/api/users']['get']['parameters']['query']>;

export const ROLES: readonly Role[] = ['admin', 'sales', 'demo'];

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', sales: 'Sales', demo: 'Demo' };

export function listUsers(query: ListUsersParams, signal?: AbortSignal): Promise<UsersPage> {
  return unwrap(api.GET('/api/users', { params: { query }, ...(signal ? { signal } : {}) }));
}

export function createUser(body: UserCreate): Promise<UserRead> {
  return unwrap(api.POST('/api/users', { body }));
}

export function updateUser(id: UserId, body: UserUpdate): Promise<UserRead> {
  return unwrap(api.PATCH('/api/users/{user_id}', { params: { path: { user_id: id } }, body }));
}

export async function resetPassword(id: UserId, body: PasswordReset): Promise<void> {
  await unwrap(api.POST('/api/users/{user_id}/password', { params: { path: { user_id: id } }, body }));
}
