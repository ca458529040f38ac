import { type FormEvent, useEffect, useState } from 'react';
import type { AssemblyState } from '../../../../../shared/domain/assembly';
import { assemblyDetailsSchema } from '../../../../../shared/protocol/setup';
import { sendCommand } from '../../../connection/assemblyConnection';
import { useLeaveWarning } from '../useLeaveWarning';

type Field = 'title' | 'venue' | 'startsAt' | 'endsAt' | 'timeZone';

/** Every zone this browser knows, for the exports' times; an older browser takes typing. */
const ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** "2026-11-28T18:00" in the browser's own time zone, as a datetime-local input holds it. */
const localInput = (ms: number | null) => {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const toMs = (value: string) => (value ? new Date(value).getTime() : null);

/** Title, venue, planned start and finish: saved on their own, straight away. */
export function DetailsEditor({ state }: { state: AssemblyState }) {
  const [form, setForm] = useState<Record<Field, string>>({
    title: state.title,
    venue: state.venue,
    startsAt: localInput(state.startsAt),
    endsAt: localInput(state.endsAt),
    timeZone: state.timeZone,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const { title, venue, startsAt, endsAt, timeZone } = state;
  // Details are saved on their own: unsaved ones are as easy to lose as the setup's.
  useLeaveWarning(dirty);

  // Details changed elsewhere (a setup file, another organiser) show here unless this form has edits.
  useEffect(() => {
    if (!dirty)
      setForm({ title, venue, startsAt: localInput(startsAt), endsAt: localInput(endsAt), timeZone });
  }, [dirty, title, venue, startsAt, endsAt, timeZone]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const details = {
      title: form.title,
      venue: form.venue,
      startsAt: toMs(form.startsAt),
      endsAt: toMs(form.endsAt),
      timeZone: form.timeZone,
    };
    const parsed = assemblyDetailsSchema.safeParse(details);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??=
          field === 'title' && !form.title.trim() ? 'Give the assembly a title.' : issue.message;
      }
      setErrors(found);
      setResult(null);
      return;
    }
    setErrors({});
    const reply = await sendCommand({ type: 'updateDetails', details });
    setResult(reply.ok ? { ok: true, text: 'Details saved.' } : { ok: false, text: reply.message });
    if (reply.ok) setDirty(false);
  };

  const field = (name: Field) => ({
    id: `details-${name}`,
    value: form[name],
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `details-${name}-error` : undefined,
    onChange: (event: { target: { value: string } }) => {
      setForm({ ...form, [name]: event.target.value });
      setDirty(true);
      setResult(null);
    },
  });
  const error = (name: Field) =>
    errors[name] && (
      <p id={`details-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    );

  return (
    <form onSubmit={submit} className="setup-section stack" aria-labelledby="details-editor-h" noValidate>
      <h3 id="details-editor-h">Details</h3>
      <div className="two-columns">
        <div className="stack">
          <label htmlFor="details-title">Title</label>
          <input {...field('title')} maxLength={200} />
          {error('title')}
        </div>
        <div className="stack">
          <label htmlFor="details-venue">Venue</label>
          <input {...field('venue')} maxLength={200} />
          {error('venue')}
        </div>
        <div className="stack">
          <label htmlFor="details-startsAt">Planned start</label>
          <input {...field('startsAt')} type="datetime-local" />
          {error('startsAt')}
        </div>
        <div className="stack">
          <label htmlFor="details-endsAt">Planned finish</label>
          <input {...field('endsAt')} type="datetime-local" />
          {error('endsAt')}
        </div>
        <div className="stack">
          <label htmlFor="details-timeZone">Time zone of the exports’ times</label>
          {ZONES.length > 0 ? (
            <select {...field('timeZone')}>
              <option value="">The server’s time zone</option>
              {(ZONES.includes(form.timeZone) || !form.timeZone ? ZONES : [form.timeZone, ...ZONES]).map(
                (zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll('_', ' ')}
                  </option>
                ),
              )}
            </select>
          ) : (
            <input {...field('timeZone')} placeholder="Europe/London" maxLength={64} />
          )}
          {error('timeZone')}
        </div>
      </div>
      <div className="button-row">
        <button type="submit">Save details</button>
        {result && (
          <p className={result.ok ? 'success' : 'error'} role="status">
            {result.text}
          </p>
        )}
      </div>
    </form>
  );
}
