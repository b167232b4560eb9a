import type { CSSProperties, ReactNode } from 'react';
import { safeHttpUrl } from '@/lib/url';
import type { Branding } from '../api';

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance([r, g, b]: number[]): number {
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

const hex = (rgb: number[]) => '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

/**
 * The page's accent from the host's brand colour, darkened until white text on it has a contrast of
 * at least 4.5:1 (WCAG AA), so any colour a host picks keeps the buttons readable.
 */
export function brandStyle(colour: string | null | undefined): CSSProperties | undefined {
  if (!colour || !/^#[0-9a-fA-F]{6}$/.test(colour)) return undefined;
  let rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  while (1.05 / (luminance(rgb) + 0.05) < 4.5) rgb = rgb.map((v) => v * 0.9);
  const base = hex(rgb);
  const dark = hex(rgb.map((v) => v * 0.85));
  return {
    ['--color-accent-600' as string]: base,
    ['--color-accent-700' as string]: dark,
    ['--color-accent-800' as string]: dark,
    ['--color-accent-50' as string]: `color-mix(in srgb, ${base} 8%, white)`,
    ['--color-accent-100' as string]: `color-mix(in srgb, ${base} 16%, white)`,
  };
}

/** The public pages' frame: the host's brand (logo or name) and colour, nothing of the signed-in app. */
export function PublicShell({ branding, children }: { branding?: Branding | null | undefined; children: ReactNode }) {
  const logo = safeHttpUrl(branding?.logo_url);
  return (
    <div className="min-h-full bg-gray-50" style={brandStyle(branding?.colour)}>
      {logo || branding?.name ? (
        <header className="border-b border-gray-200 bg-white">
          <div className="mx-auto flex h-14 max-w-4xl items-center gap-3 px-4">
            {logo ? <img src={logo} alt={branding?.name ?? ''} className="h-8 max-w-40 object-contain" /> : null}
            {branding?.name ? <span className="font-semibold text-gray-900">{branding.name}</span> : null}
          </div>
        </header>
      ) : null}
      <main className="mx-auto max-w-4xl px-4 py-6 sm:py-10">{children}</main>
    </div>
  );
}

/** A message instead of the page: a bad or expired link, or the server out of reach. */
export function PublicMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <PublicShell>
      <div role="alert" className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-gray-200">
        <h1 className="text-lg font-semibold text-gray-900">{title}</h1>
        {children ? <div className="mt-2 text-sm text-gray-600">{children}</div> : null}
      </div>
    </PublicShell>
  );
}
