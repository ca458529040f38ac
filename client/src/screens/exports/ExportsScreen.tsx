import { useState } from 'react';
import { Connecting } from '../../components/Connecting';
import { Refused } from '../../components/Refused';
import { RehearsalMark } from '../../components/RehearsalMark';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { downloadExport } from '../admin/download';
import './exports.css';

const EXPORTS: { file: string; what: string }[] = [
  {
    file: 'turnout.csv',
    what: 'Turnout per institution: committed against checked in, with the headcounts.',
  },
  {
    file: 'attendees.csv',
    what: 'Everyone checked in, with how and when; contact details only where people consented.',
  },
  {
    file: 'registrants.csv',
    what: 'Everyone registered, with their ticket link (for a mail merge before the night) and when they checked in.',
  },
  { file: 'responses.csv', what: 'Every answer to every ask, with its history and notes.' },
  {
    file: 'cards.csv',
    what: 'Every commitment card, by commitment: who, their institution, how many, and a contact only where they consented.',
  },
  {
    file: 'cards-by-institution.csv',
    what: 'Commitment cards per institution: how many ticked each commitment.',
  },
  {
    file: 'setup.json',
    what: 'The setup (agenda, institutions, power-holders, asks) as a file to import again.',
  },
  { file: 'record.json', what: 'The whole record: the assembly and every event with its time and role.' },
];

/** Every export in one place, for the organiser after the night (and before it). */
export default function ExportsScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const role = useAssembly((s) => s.role);
  const [problem, setProblem] = useState<string | null>(null);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  if (role !== 'admin' || !staffKey)
    return (
      <main className="page narrow">
        <div role="alert">
          <h1>This needs the organiser link</h1>
          <p>Exports hold personal data: open this page from the organiser page.</p>
        </div>
      </main>
    );

  const download = async (file: string) => {
    setProblem(await downloadExport(code, file, staffKey));
  };

  return (
    <main className="page">
      <RehearsalMark note="A rehearsal is under way: these exports hold the real night only." />
      <h1>Exports · {state.title}</h1>
      <p>
        <a href={`/a/${code}/admin#key=${staffKey}`}>Back to the organiser page</a>
      </p>
      <p className="muted">
        Spreadsheets open in Excel, LibreOffice or Google Sheets. Attendees and responses hold personal data:
        keep them where your alliance keeps such things.
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ul className="setup-rows">
        {EXPORTS.map(({ file, what }) => (
          <li key={file} className="setup-row export-row">
            <div>
              <strong>{file}</strong>
              <p className="muted small">{what}</p>
            </div>
            <button type="button" onClick={() => void download(file)}>
              Download {file}
            </button>
          </li>
        ))}
        <li className="setup-row export-row">
          <div>
            <strong>Public record</strong>
            <p className="muted small">The page anyone can read: the agenda, turnout and the answers.</p>
          </div>
          <a className="button" href={`/r/${code}`} target="_blank" rel="noreferrer">
            Open the public record
          </a>
        </li>
      </ul>
    </main>
  );
}
