import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Institution } from '../../../../shared/domain/assembly';
import { ticketPath } from '../../../../shared/domain/tickets';
import type { Registrant } from '../../../../shared/domain/turnout';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { commandSchema } from '../../../../shared/protocol/commands';
import type { ErrorCode } from '../../../../shared/protocol/errors';
import { LIMITS } from '../../../../shared/protocol/limits';
import { callApi } from '../../api';

type Field = 'name' | 'institutionId' | 'email';
type Problems = Partial<Record<Field | 'form', string>>;

/** Which field a refusal from the server is about, so it shows beside that field. */
const FIELD_OF: Partial<Record<ErrorCode, Field>> = {
  already_registered: 'name',
  unknown_institution: 'institutionId',
  registrant_checked_in: 'institutionId',
};

/**
 * One registrant in the organiser's list: their ticket, whether they came, and the
 * corrections one at a time (edit in place; remove, after saying who).
 */
export function RegistrantRow({
  code,
  staffKey,
  registrant,
  institutions,
  checkedIn,
  publicUrl,
}: {
  code: string;
  staffKey: string;
  registrant: Registrant;
  institutions: Institution[];
  checkedIn: boolean;
  publicUrl: string;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [draft, setDraft] = useState({ name: '', institutionId: '', email: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  // Keyboard users land where the next step is: the name to correct, or the confirm button.
  const firstStep = useRef<HTMLInputElement & HTMLButtonElement>(null);
  useEffect(() => {
    if (mode !== 'view') firstStep.current?.focus();
  }, [mode]);
  const institutionName = (id: string | null) =>
    id === null ? GUEST_WORDS.one : (institutions.find((i) => i.id === id)?.name ?? id);
  const idFor = (field: string) => `registrant-${registrant.id}-${field}`;
  const send = (command: unknown) =>
    callApi<{ seq: number }>(`/api/assemblies/${code}/commands`, command, staffKey);

  /** Each mode starts with no errors from the last one. */
  const show = (next: typeof mode) => {
    setProblems({});
    setMode(next);
  };

  const startEditing = () => {
    setDraft({
      name: registrant.name,
      institutionId: registrant.institutionId ?? '',
      email: registrant.email,
    });
    show('edit');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const command = {
      type: 'updateRegistrant',
      registrantId: registrant.id,
      name: draft.name,
      institutionId: draft.institutionId || null,
      email: draft.email,
    };
    // The same schema the server checks with: errors beside the field, nothing sent.
    const parsed = commandSchema.safeParse(command);
    if (!parsed.success) {
      const found: Problems = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??=
          field === 'name' && !draft.name.trim() ? 'Give the registrant’s name.' : issue.message;
      }
      return setProblems(found);
    }
    setBusy(true);
    const reply = await send(parsed.data);
    setBusy(false);
    // A refused save keeps everything typed.
    if (!reply.ok) return setProblems({ [FIELD_OF[reply.code] ?? 'form']: reply.message });
    show('view');
  };

  const remove = async () => {
    setBusy(true);
    const reply = await send({ type: 'removeRegistrant', registrantId: registrant.id });
    setBusy(false);
    if (!reply.ok) setProblems({ form: reply.message });
  };

  const described = (field: Field) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': idFor(`${field}-error`) } : {};
  const fieldError = (field: Field) =>
    problems[field] && (
      <p id={idFor(`${field}-error`)} className="field-error" role="alert">
        {problems[field]}
      </p>
    );
  const formError = problems.form && (
    <p className="field-error" role="alert">
      {problems.form}
    </p>
  );

  if (mode === 'edit') {
    return (
      <tr>
        <td colSpan={6}>
          <form onSubmit={save} className="setup-row" aria-label={`Edit ${registrant.name}`} noValidate>
            <div className="draft-field wide">
              <label htmlFor={idFor('name')}>Name</label>
              <input
                id={idFor('name')}
                ref={firstStep}
                value={draft.name}
                maxLength={LIMITS.personName}
                {...described('name')}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
              {fieldError('name')}
            </div>
            <div className="draft-field">
              <label htmlFor={idFor('institution')}>Institution</label>
              <select
                id={idFor('institution')}
                value={draft.institutionId}
                {...described('institutionId')}
                onChange={(e) => setDraft({ ...draft, institutionId: e.target.value })}
              >
                <option value="">{GUEST_WORDS.choice}</option>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
              {fieldError('institutionId')}
            </div>
            <div className="draft-field">
              <label htmlFor={idFor('email')}>Email</label>
              <input
                id={idFor('email')}
                type="email"
                value={draft.email}
                {...described('email')}
                onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              />
              {fieldError('email')}
            </div>
            <button type="submit" disabled={busy}>
              Save<span className="visually-hidden"> {registrant.name}</span>
            </button>
            <button type="button" className="quiet" onClick={() => show('view')}>
              Cancel
            </button>
            {formError}
          </form>
        </td>
      </tr>
    );
  }

  return (
    <tr>
      <td>{registrant.name}</td>
      <td>{institutionName(registrant.institutionId)}</td>
      <td>{registrant.email}</td>
      <td>
        <a href={`${publicUrl}${ticketPath(registrant.ticket)}`} target="_blank" rel="noreferrer">
          Ticket<span className="visually-hidden"> for {registrant.name}</span>
        </a>
      </td>
      <td>{checkedIn ? 'Yes' : ''}</td>
      <td>
        {mode === 'remove' ? (
          <div className="row-tools">
            <span>Remove {registrant.name}? Their ticket will stop working.</span>
            <button type="button" ref={firstStep} disabled={busy} onClick={() => void remove()}>
              Remove {registrant.name}
            </button>
            <button type="button" className="quiet" onClick={() => show('view')}>
              Keep
            </button>
            {formError}
          </div>
        ) : (
          <div className="row-tools">
            <button type="button" className="quiet" onClick={startEditing}>
              Edit<span className="visually-hidden"> {registrant.name}</span>
            </button>
            <button type="button" className="quiet" onClick={() => show('remove')}>
              Remove<span className="visually-hidden"> {registrant.name}</span>
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
