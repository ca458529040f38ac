import type { ReactNode } from 'react';
import { useSetupDraft } from './setupDraft';

const domId = (path: string) => `setup-${path.replace(/\./g, '-')}`;

/** A labelled field of the draft with its error beside it, linked for screen readers. */
export function DraftField({
  path,
  label,
  children,
  className = '',
}: {
  path: string;
  label: string;
  children: (props: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
  className?: string;
}) {
  const error = useSetupDraft((s) => s.errors[path]);
  const id = domId(path);
  return (
    <div className={`draft-field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A number input's text as the draft holds it: empty or unreadable is NaN, which the schema refuses. */
export const numberFrom = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));
export const shownNumber = (value: number): string | number => (Number.isNaN(value) ? '' : value);
