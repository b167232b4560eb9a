import { useId, useState } from 'react';
import { Button, CheckIcon, Input } from '@/components/ui';

/** A link to hand out: read-only, selectable, with a copy button that says when it worked. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard (insecure origin, denied): the field is selected so Ctrl+C works.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  }
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} aria-describedby={hint ? `${id}-hint` : undefined} />
        <Button variant="secondary" onClick={() => void copy()} icon={state === 'copied' ? <CheckIcon className="size-4" /> : undefined} aria-label={`Copy ${label.toLowerCase()}`}>
          {state === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p id={hint ? `${id}-hint` : undefined} className="text-xs text-gray-500" aria-live="polite">
        {state === 'failed' ? 'Copying is not allowed here: the link is selected, press Ctrl+C.' : hint}
      </p>
    </div>
  );
}
