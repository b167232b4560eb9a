import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

const control =
  'block rounded-lg border-0 bg-white text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 ' +
  'placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:ring-accent-600 focus:outline-none ' +
  'disabled:cursor-not-allowed disabled:bg-gray-50 disabled:text-gray-500';
const invalidRing = 'ring-red-500 focus:ring-red-600';

type ControlSize = 'sm' | 'md';
const heights: Record<ControlSize, string> = { sm: 'h-8 text-xs', md: 'h-10 text-sm' };
/** Full width unless the caller sets a width. */
const width = (className?: string) => (/(^|\s)w-/.test(className ?? '') ? '' : 'w-full');

export type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  invalid?: boolean;
  controlSize?: ControlSize;
  ref?: Ref<HTMLInputElement>;
};

export function Input({ className, invalid, controlSize = 'md', ...props }: InputProps) {
  return (
    <input
      className={cn(control, heights[controlSize], width(className), 'px-3', invalid && invalidRing, className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  invalid?: boolean;
  controlSize?: ControlSize;
  ref?: Ref<HTMLSelectElement>;
};

export function Select({ className, invalid, controlSize = 'md', children, ...props }: SelectProps) {
  return (
    <select
      className={cn(control, heights[controlSize], width(className), 'pr-8 pl-3', invalid && invalidRing, className)}
      aria-invalid={invalid || undefined}
      {...props}
    >
      {children}
    </select>
  );
}

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
};

/** Label + control + hint/error, wired with aria-describedby. */
function useFieldIds(id?: string) {
  const auto = useId();
  const base = id ?? auto;
  return { id: base, hintId: `${base}-hint`, errorId: `${base}-error` };
}

function FieldShell({
  label,
  error,
  hint,
  className,
  ids,
  children,
}: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={ids.id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={ids.errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={ids.hintId} className="text-sm text-gray-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, error, hint, className, id, ...props }: FieldProps & InputProps) {
  const ids = useFieldIds(id);
  return (
    <FieldShell label={label} error={error} hint={hint} className={className} ids={ids}>
      <Input
        id={ids.id}
        invalid={!!error}
        aria-describedby={error ? ids.errorId : hint ? ids.hintId : undefined}
        aria-errormessage={error ? ids.errorId : undefined}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({ label, error, hint, className, id, children, ...props }: FieldProps & SelectProps) {
  const ids = useFieldIds(id);
  return (
    <FieldShell label={label} error={error} hint={hint} className={className} ids={ids}>
      <Select
        id={ids.id}
        invalid={!!error}
        aria-describedby={error ? ids.errorId : hint ? ids.hintId : undefined}
        {...props}
      >
        {children}
      </Select>
    </FieldShell>
  );
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  invalid?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

export function Textarea({ className, invalid, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(control, width(className), 'px-3 py-2 text-sm', invalid && invalidRing, className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}

export function TextAreaField({ label, error, hint, className, id, ...props }: FieldProps & TextareaProps) {
  const ids = useFieldIds(id);
  return (
    <FieldShell label={label} error={error} hint={hint} className={className} ids={ids}>
      <Textarea
        id={ids.id}
        invalid={!!error}
        aria-describedby={error ? ids.errorId : hint ? ids.hintId : undefined}
        aria-errormessage={error ? ids.errorId : undefined}
        {...props}
      />
    </FieldShell>
  );
}

/** Checkbox with its label (and an optional hint underneath). */
export function Checkbox({
  label,
  hint,
  className,
  id,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { label: ReactNode; hint?: ReactNode; ref?: Ref<HTMLInputElement> }) {
  const auto = useId();
  const base = id ?? auto;
  return (
    <div className={cn('flex items-start gap-2.5', className)}>
      <input
        id={base}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-gray-300 accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
        aria-describedby={hint ? `${base}-hint` : undefined}
        {...props}
      />
      <div className="text-sm">
        <label htmlFor={base} className="font-medium text-gray-800">
          {label}
        </label>
        {hint ? (
          <p id={`${base}-hint`} className="text-gray-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
