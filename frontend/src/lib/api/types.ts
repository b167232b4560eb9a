/**
 * The single place where the generated OpenAPI types are re-exported for shared code.
 * Features import their own request/response types in `features/<name>/api.ts`.
 */
import type { components, paths } from '@/api/schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type TokenResponse = Schemas['TokenResponse'];
export type Me = Schemas['Me'];
export type Role = Schemas['Role'];
export type Problem = Schemas['Problem'];
