export { AuthProvider, useAuth, type AuthContextValue, type AuthStatus } from './AuthProvider';
export { RequireAuth, RequireRole, type LoginRedirectState } from './guards';
export type { LoginInput } from './authApi';
export { useActorLabel } from './useActorLabel';
export { gateReason, useGate } from './gate';
