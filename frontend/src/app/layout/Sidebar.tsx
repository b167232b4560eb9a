import { NavLink } from 'react-router';
import { LogoMark } from '@/components/ui';
import { cn } from '@/lib/cn';
import { useAuth } from '@/lib/auth';
import { ADMIN_NAV, MAIN_NAV, type NavItem } from './nav';

function NavItems({ items, onNavigate }: { items: NavItem[]; onNavigate?: (() => void) | undefined }) {
  return (
    <ul className="space-y-0.5">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            onClick={onNavigate}
            className={({ isActive }) =>
              cn(
                'group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
                'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-600',
                isActive ? 'bg-accent-50 text-accent-700' : 'text-gray-700 hover:bg-gray-100 hover:text-gray-900',
              )
            }
          >
            {({ isActive }) => (
              <>
                <span className={cn('[&_svg]:size-5', isActive ? 'text-accent-600' : 'text-gray-400 group-hover:text-gray-500')}>
                  {item.icon}
                </span>
                {item.label}
              </>
            )}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { hasRole } = useAuth();
  return (
    <div className="flex h-full flex-col gap-6 px-3 py-4">
      <div className="flex items-center gap-2.5 px-3">
        <LogoMark />
        <span className="text-[15px] font-semibold tracking-tight text-gray-900">Outbound CRM</span>
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-6 overflow-y-auto">
        <NavItems items={MAIN_NAV} onNavigate={onNavigate} />
        {hasRole('admin') ? (
          <div>
            <h2 id="nav-admin" className="mb-1 px-3 text-xs font-semibold tracking-wide text-gray-500 uppercase">
              Admin
            </h2>
            <div role="group" aria-labelledby="nav-admin">
              <NavItems items={ADMIN_NAV} onNavigate={onNavigate} />
            </div>
          </div>
        ) : null}
      </nav>
    </div>
  );
}
