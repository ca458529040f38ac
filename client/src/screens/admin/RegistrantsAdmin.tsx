import { type FormEvent, useDeferredValue, useState } from 'react';
import { lookup } from '../../../../shared/domain/register';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { callApi } from '../../api';
import type { OrganiserSection } from './organiserSection';
import { RegistrantRow } from './RegistrantRow';

const SHOWN = 200;

/** Case and accents aside: "zoe" finds Zoë. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * Registrants: who is expected, their ticket links, whether they have come; add one by
 * hand (a whole list comes in through the spreadsheet import), find anyone, and correct
 * or remove them one at a time.
 */
export function RegistrantsAdmin({
  code,
  staffKey,
  state,
  publicUrl,
}: OrganiserSection & {
  publicUrl: string;
}) {
  const [form, setForm] = useState({ name: '', institution: '', email: '' });
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { registrants, admitted } = state.attendance;
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const [search, setSearch] = useState('');
  // 1,500 rows: typing stays quick, the list catches up.
  const query = folded(useDeferredValue(search).trim());
  const matching = query
    ? registrants.filter((r) =>
        folded(
          `${r.name} ${r.email} ${r.institutionId ? (names.get(r.institutionId) ?? '') : 'guest'}`,
        ).includes(query),
      )
    : registrants;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.name.trim()) {
      setError('Give the registrant’s name.');
      return;
    }
    const reply = await callApi<{ added: number }>(
      `/api/assemblies/${code}/registrants`,
      { registrants: [form] },
      staffKey,
    );
    if (reply.ok) {
      setAdded(reply.added === 0 ? `${form.name} was already registered.` : `Added ${form.name}.`);
      setError(null);
      setForm({ name: '', institution: form.institution, email: '' });
    } else {
      setError(reply.message);
      setAdded(null);
    }
  };

  return (
    <section aria-labelledby="registrants-h">
      <h2 id="registrants-h">Registrants</h2>
      <form onSubmit={submit} className="setup-row" aria-label="Add a registrant" noValidate>
        <div className="draft-field wide">
          <label htmlFor="registrant-name">Name</label>
          <input
            id="registrant-name"
            value={form.name}
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'registrant-error' : undefined}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </div>
        <div className="draft-field">
          <label htmlFor="registrant-institution">Institution</label>
          <select
            id="registrant-institution"
            value={form.institution}
            onChange={(e) => setForm({ ...form, institution: e.target.value })}
          >
            <option value="">{GUEST_WORDS.choice}</option>
            {state.institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div className="draft-field">
          <label htmlFor="registrant-email">Email</label>
          <input
            id="registrant-email"
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </div>
        <button type="submit">Add a registrant</button>
      </form>
      {error && (
        <p id="registrant-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      {added && (
        <p className="success" role="status">
          {added}
        </p>
      )}
      {registrants.length === 0 ? (
        <p className="muted">No registrants yet.</p>
      ) : (
        <>
          <div className="draft-field wide">
            <label htmlFor="registrant-search">Find a registrant</label>
            <input
              id="registrant-search"
              type="search"
              value={search}
              placeholder="Name, email or institution"
              aria-describedby="registrant-search-count"
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <p id="registrant-search-count" className="muted small" role="status">
            {query
              ? `${matching.length} of ${registrants.length} registrants match.`
              : `${registrants.length} ${registrants.length === 1 ? 'registrant' : 'registrants'}.`}
          </p>
          {matching.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Registrants</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Institution</th>
                    <th scope="col">Email</th>
                    <th scope="col">Ticket</th>
                    <th scope="col">Checked in</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {matching.slice(0, SHOWN).map((r) => (
                    <RegistrantRow
                      key={r.id}
                      code={code}
                      staffKey={staffKey}
                      registrant={r}
                      institutions={state.institutions}
                      checkedIn={lookup(admitted, r.id) !== undefined}
                      publicUrl={publicUrl}
                    />
                  ))}
                </tbody>
              </table>
              {matching.length > SHOWN && (
                <p className="muted small">
                  and {matching.length - SHOWN} more: search for them by name, or find all of them, with their
                  ticket links, in registrants.csv on the{' '}
                  <a href={`/a/${code}/exports#key=${staffKey}`}>exports page</a> and on the tickets sheet.
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
