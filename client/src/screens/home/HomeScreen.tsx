import { type FormEvent, useEffect, useState } from 'react';
import { assemblyDetailsSchema } from '../../../../shared/protocol/setup';
import { callApi } from '../../api';
import { CopyLink } from '../../components/CopyLink';
import { JoinByCode } from '../../components/JoinByCode';
import { type HeldAssembly, heldAssemblies, rememberKey } from '../../connection/heldKeys';
import { HeldAssemblies } from './HeldAssemblies';
import { acceptHandOff, findListHome, handOffUrl, type ListHome } from './handOff';
import './home.css';

interface Created {
  code: string;
  /** Duplicates: how many open commitments came with it. */
  carriedForward?: number;
  links: { admin: string; chair: string; door: string; screen: string; join: string };
}

const LINK_LABELS: [keyof Created['links'], string, string][] = [
  ['admin', 'Organiser', 'Set up and export. Keep private.'],
  ['chair', 'Chair', 'Drives the agenda, timers and screen. Keep private.'],
  ['door', 'Door', 'For stewards at the door. Keep private.'],
  ['screen', 'Screen', 'Open on the projector.'],
  ['join', 'Join', 'For everyone: on the screen as a QR.'],
];

type Field = 'title' | 'venue' | 'startsAt' | 'endsAt';
type FieldErrors = Partial<Record<Field, string>>;

const FIELD_HINTS: Partial<Record<Field, string>> = { title: 'Give the assembly a title.' };

/** The shared schema's verdict, field by field, in words an organiser can act on. */
function checkForm(details: object): FieldErrors {
  const parsed = assemblyDetailsSchema.safeParse(details);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field;
    errors[field] ??= FIELD_HINTS[field] ?? issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return errors;
}

const keyOf = (link: string) => new URL(link).hash.replace('#key=', '');

/** Create (or duplicate) an assembly and get its role links; the assemblies this browser holds. */
export default function HomeScreen() {
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<Record<Field, string>>({ title: '', venue: '', startsAt: '', endsAt: '' });
  const [needsToken, setNeedsToken] = useState(false);
  const [token, setToken] = useState('');
  const [duplicating, setDuplicating] = useState<HeldAssembly | null>(null);
  const [heldVersion, setHeldVersion] = useState(0);
  // Before the list is first read: what another address of this server handed over.
  const [cameFrom] = useState(acceptHandOff);
  const [listHome, setListHome] = useState<ListHome | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let home: ListHome = { kind: 'here' };
      try {
        const json = await (await fetch('/api/creating')).json();
        if (cancelled) return;
        setNeedsToken(json?.needsToken === true);
        if (['server', 'localhost', 'publicUrl'].every((field) => typeof json?.[field] === 'string'))
          home = await findListHome(json);
      } catch {
        // The server did not answer: this address's own list, and creating says why it fails.
      }
      if (cancelled) return;
      setListHome(home);
      if (home.kind === 'moving') location.replace(handOffUrl(home.to, location.origin, heldAssemblies()));
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const duplicate = (held: HeldAssembly) => {
    setDuplicating(held);
    setCreated(null);
    setError(null);
    setForm({ title: '', venue: '', startsAt: '', endsAt: '' });
    requestAnimationFrame(() => document.getElementById('assembly-title')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const toMs = (value: string) => (value ? new Date(value).getTime() : null);
    const details = {
      title: form.title,
      venue: form.venue,
      startsAt: toMs(form.startsAt),
      endsAt: toMs(form.endsAt),
    };
    const errors = checkForm(details);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const headers: Record<string, string> = needsToken ? { 'x-admin-token': token } : {};
    const result = duplicating
      ? await callApi<Created>(
          `/api/assemblies/${duplicating.code}/duplicate`,
          details,
          duplicating.keys.admin,
          headers,
        )
      : await callApi<Created>('/api/assemblies', details, undefined, headers);
    setBusy(false);
    if (result.ok) {
      // This browser made it: it holds its staff links from now on.
      for (const role of ['admin', 'chair', 'door'] as const)
        rememberKey(result.code, role, keyOf(result.links[role]), details.title);
      setHeldVersion((v) => v + 1);
      setCreated(result);
      setDuplicating(null);
      setError(null);
    } else {
      setError(result.message);
    }
  };

  const startAnother = () => {
    if (confirm('Have you saved the private links? They are not shown again.')) {
      setCreated(null);
      setForm({ title: '', venue: '', startsAt: '', endsAt: '' });
    }
  };

  const field = (name: Field) => ({
    id: `assembly-${name}`,
    value: form[name],
    'aria-invalid': fieldErrors[name] ? true : undefined,
    'aria-describedby': fieldErrors[name] ? `assembly-${name}-error` : undefined,
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  const fieldError = (name: Field) =>
    fieldErrors[name] && (
      <p id={`assembly-${name}-error`} className="field-error">
        {fieldErrors[name]}
      </p>
    );
  const startsInPast = form.startsAt !== '' && new Date(form.startsAt).getTime() < Date.now();

  return (
    <main className="page">
      <h1>Assembly Live</h1>
      <p className="lead">
        Runs an accountability assembly live: the chair drives a timed agenda, the projector follows it, and
        the room sees turnout and the answers land.
      </p>
      <section aria-label="Join" className="stack">
        <JoinByCode label="Joining an assembly? Its code:" />
      </section>
      {listHome === null || listHome.kind === 'moving' ? (
        <p role="status" data-testid="list-home-pending">
          {listHome ? `Opening your list of assemblies at ${listHome.to}…` : 'Loading…'}
        </p>
      ) : created ? (
        <section aria-label="Your assembly" data-testid="created">
          <h2>
            Assembly <span data-testid="created-code">{created.code}</span> is ready
          </h2>
          {created.carriedForward !== undefined && (
            <p data-testid="carried-forward">
              Institutions and power-holders copied; {created.carriedForward} open commitment
              {created.carriedForward === 1 ? '' : 's'} carried forward as asks.
            </p>
          )}
          <p>
            Save these links now: the private ones are shown only once (this browser remembers them too).
            Anyone with a private link can act in that role.
          </p>
          {LINK_LABELS.map(([role, label, hint]) => (
            <div key={role} className="role-link">
              <CopyLink label={label} url={created.links[role]} testId={`link-${role}`} />
              <p className="muted small">{hint}</p>
            </div>
          ))}
          <button type="button" onClick={startAnother}>
            Create another
          </button>
        </section>
      ) : (
        <form
          onSubmit={submit}
          className="stack"
          aria-label={duplicating ? 'Duplicate an assembly' : 'Create an assembly'}
          noValidate
        >
          {duplicating ? (
            <>
              <h2>Duplicate {duplicating.title || duplicating.code}</h2>
              <p className="muted">
                The new assembly gets the same institutions and power-holders, and every ask that got a yes,
                marked “carried forward”, put to those who said yes. Not the agenda, turnout or answers.
              </p>
            </>
          ) : (
            <h2>Create an assembly</h2>
          )}
          <label htmlFor="assembly-title">Title</label>
          <input {...field('title')} maxLength={200} placeholder="Riverside Citizens Assembly" />
          {fieldError('title')}
          <label htmlFor="assembly-venue">Venue</label>
          <input {...field('venue')} maxLength={200} placeholder="St Mary's Church Hall" />
          {fieldError('venue')}
          <div className="two-columns">
            <div className="stack">
              <label htmlFor="assembly-startsAt">Planned start</label>
              <input {...field('startsAt')} type="datetime-local" />
              {fieldError('startsAt')}
              {startsInPast && !fieldErrors.startsAt && <p className="muted small">That is in the past.</p>}
            </div>
            <div className="stack">
              <label htmlFor="assembly-endsAt">Planned finish</label>
              <input {...field('endsAt')} type="datetime-local" />
              {fieldError('endsAt')}
            </div>
          </div>
          {needsToken && (
            <>
              <label htmlFor="assembly-token">Admin token</label>
              <input
                id="assembly-token"
                type="password"
                autoComplete="off"
                value={token}
                onChange={(event) => setToken(event.target.value)}
              />
              <p className="muted small">This server asks for its admin token to create assemblies.</p>
            </>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              {duplicating ? 'Create the copy' : 'Create assembly'}
            </button>
            {duplicating && (
              <button type="button" className="quiet" onClick={() => setDuplicating(null)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
      {listHome && listHome.kind !== 'moving' && (
        <HeldAssemblies
          onDuplicate={duplicate}
          version={heldVersion}
          where={<ListWhere cameFrom={cameFrom} listHome={listHome} />}
        />
      )}
    </main>
  );
}

/** Why the list is the same from localhost and the LAN address (or, when it cannot be, why not). */
function ListWhere({ cameFrom, listHome }: { cameFrom: string | null; listHome: ListHome | null }) {
  if (listHome?.kind === 'unreachable')
    return (
      <p className="warning" role="note" data-testid="list-where">
        Your links start with {listHome.to}, which does not answer from this browser now, so this list holds
        only the assemblies opened here at {location.origin}.
      </p>
    );
  if (cameFrom && cameFrom !== location.origin)
    return (
      <p className="muted small" data-testid="list-where">
        You opened {cameFrom}: this browser keeps its list of assemblies here at {location.origin}, so it is
        the same list from either address.
      </p>
    );
  return null;
}
