import { type FormEvent, useState } from 'react';
import { callApi } from '../../api';
import { CopyLink } from '../../components/CopyLink';

interface Created {
  code: string;
  links: { admin: string; chair: string; door: string; screen: string; join: string };
}

const LINK_LABELS: [keyof Created['links'], string, string][] = [
  ['admin', 'Organiser', 'Set up and export. Keep private.'],
  ['chair', 'Chair', 'Drives the agenda, timers and screen. Keep private.'],
  ['door', 'Door', 'For stewards at the door. Keep private.'],
  ['screen', 'Screen', 'Open on the projector.'],
  ['join', 'Join', 'For everyone: on the screen as a QR.'],
];

/** Create an assembly and get its role links. */
export default function HomeScreen() {
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ title: '', venue: '', startsAt: '', endsAt: '' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const toMs = (value: string) => (value ? new Date(value).getTime() : null);
    const result = await callApi<Created>('/api/assemblies', {
      title: form.title,
      venue: form.venue,
      startsAt: toMs(form.startsAt),
      endsAt: toMs(form.endsAt),
    });
    setBusy(false);
    if (result.ok) {
      setCreated(result);
      setError(null);
    } else {
      setError(result.message);
    }
  };

  const field = (name: keyof typeof form) => ({
    id: `assembly-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  return (
    <main className="page">
      <h1>Assembly Live</h1>
      <p className="lead">
        Runs an accountability assembly live: the chair drives a timed agenda, the projector follows it, and
        the room sees turnout and the answers land.
      </p>
      {created ? (
        <section aria-label="Your assembly" data-testid="created">
          <h2>
            Assembly <span data-testid="created-code">{created.code}</span> is ready
          </h2>
          <p>
            Save these links now: the private ones are shown only once. Anyone with a private link can act in
            that role.
          </p>
          {LINK_LABELS.map(([role, label, hint]) => (
            <div key={role} className="role-link">
              <CopyLink label={label} url={created.links[role]} testId={`link-${role}`} />
              <p className="muted small">{hint}</p>
            </div>
          ))}
          <button type="button" onClick={() => setCreated(null)}>
            Create another
          </button>
        </section>
      ) : (
        <form onSubmit={submit} className="stack" aria-label="Create an assembly">
          <h2>Create an assembly</h2>
          <label htmlFor="assembly-title">Title</label>
          <input {...field('title')} required maxLength={200} placeholder="Riverside Citizens Assembly" />
          <label htmlFor="assembly-venue">Venue</label>
          <input {...field('venue')} maxLength={200} placeholder="St Mary's Church Hall" />
          <div className="two-columns">
            <div className="stack">
              <label htmlFor="assembly-startsAt">Planned start</label>
              <input {...field('startsAt')} type="datetime-local" />
            </div>
            <div className="stack">
              <label htmlFor="assembly-endsAt">Planned finish</label>
              <input {...field('endsAt')} type="datetime-local" />
            </div>
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            Create assembly
          </button>
        </form>
      )}
    </main>
  );
}
