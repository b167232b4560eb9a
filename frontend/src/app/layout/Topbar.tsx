import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, LogOutIcon, MenuIcon, type BadgeTone } from '@/components/ui';
import type { Role } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';

const ROLE_TONE: Record<Role, BadgeTone> = { admin: 'accent', sales: 'info', demo: 'warning' };
const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', sales: 'Sales', demo: 'Demo' };

export function Topbar({ onOpenMenu }: { onOpenMenu: () => void }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);

  async function onLogout() {
    setPending(true);
    await logout();
    navigate('/login', { replace: true });
  }

  return (
    <header className="sticky top-0 z-30 flex h-16 shrink-0 items-center gap-4 border-b border-gray-200 bg-white/90 px-4 backdrop-blur sm:px-6">
      <Button variant="ghost" size="sm" className="px-1.5 lg:hidden" aria-label="Open navigation" onClick={onOpenMenu}>
        <MenuIcon />
      </Button>
      <div className="flex-1" />
      {user ? (
        <div className="flex items-center gap-3">
          <div className="flex items-center gap-2 text-sm">
            <span className="font-medium text-gray-900" data-testid="current-user-name">
              {user.name}
            </span>
            <Badge tone={ROLE_TONE[user.role] ?? 'neutral'}>
              <span className="sr-only">Role: </span>
              {ROLE_LABEL[user.role] ?? user.role}
            </Badge>
          </div>
          <span className="h-6 w-px bg-gray-200" aria-hidden="true" />
          <Button variant="ghost" size="sm" onClick={() => void onLogout()} loading={pending} icon={<LogOutIcon className="size-4" />}>
            Log out
          </Button>
        </div>
      ) : null}
    </header>
  );
}
