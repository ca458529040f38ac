import { type FormEvent, useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { lookup } from '../../../../shared/domain/register';
import { ticketPath } from '../../../../shared/domain/tickets';
import { callApi } from '../../api';

const SHOWN = 200;

/**
 * Registrants: who is expected, their ticket links, whether they have come; add one by
 * hand (a whole list comes in through the spreadsheet import).
 */
export function RegistrantsAdmin({
  code,
  staffKey,
  state,
  publicUrl,
}: {
  code: string;
  staffKey: string;
  state: AssemblyState;
  publicUrl: string;
}) {
  const [form, setForm] = useState({ name: '', institution: '', email: '' });
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { registrants, admitted } = state.attendance;
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));

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
            <option value="">Guest</option>
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
              </tr>
            </thead>
            <tbody>
              {registrants.slice(0, SHOWN).map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{r.institutionId ? (names.get(r.institutionId) ?? r.institutionId) : 'Guest'}</td>
                  <td>{r.email}</td>
                  <td>
                    <a href={`${publicUrl}${ticketPath(r.ticket)}`} target="_blank" rel="noreferrer">
                      Ticket<span className="visually-hidden"> for {r.name}</span>
                    </a>
                  </td>
                  <td>{lookup(admitted, r.id) ? 'Yes' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {registrants.length > SHOWN && (
            <p className="muted small">
              and {registrants.length - SHOWN} more: all of them, with their ticket links, in registrants.csv
              on the <a href={`/a/${code}/exports#key=${staffKey}`}>exports page</a>, and on the tickets
              sheet.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
