import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { CsvImport } from './CsvImport';
import { DuplicatesAdmin } from './DuplicatesAdmin';
import { FollowUpAdmin } from './FollowUpAdmin';
import { LinksAdmin } from './LinksAdmin';
import { PrintablesAdmin } from './PrintablesAdmin';
import { RegistrantsAdmin } from './RegistrantsAdmin';
import { SetupFileImport } from './SetupFileImport';
import { DetailsEditor } from './setup/DetailsEditor';
import { SetupEditor } from './setup/SetupEditor';
import { TurnoutAdmin } from './TurnoutAdmin';

/**
 * The organiser's page: edit the assembly's setup, import spreadsheets or a whole setup
 * file, hand out links, and take the exports and follow-up after the night.
 */
export default function AdminScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const role = useAssembly((s) => s.role);
  const publicUrl = useAssembly((s) => s.publicUrl);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  if (role !== 'admin') {
    return (
      <main className="page narrow">
        <div role="alert">
          <h1>This needs the organiser link</h1>
          <p>Open this page with the organiser link made when the assembly was created.</p>
        </div>
      </main>
    );
  }

  return (
    <main className="page">
      <ConnectionBadge />
      <h1>{state.title}</h1>
      <p className="muted">
        Organiser · code {code} · {state.status}
      </p>
      <nav className="button-row" aria-label="Open">
        <a className="button" href={`/a/${code}/chair#key=${staffKey}`} target="_blank" rel="noreferrer">
          Open the chair console
        </a>
        <a className="button" href={`/a/${code}/screen`} target="_blank" rel="noreferrer">
          Open the screen
        </a>
        <a className="button" href={`/j/${code}`} target="_blank" rel="noreferrer">
          Open the join page
        </a>
        <a className="button" href={`/r/${code}`} target="_blank" rel="noreferrer">
          Open the public record
        </a>
      </nav>

      <nav aria-label="On this page" className="page-contents">
        <a href="#links-h">Links</a>
        <a href="#details-editor-h">Details</a>
        <a href="#agenda-editor-h">Agenda</a>
        <a href="#institutions-editor-h">Institutions</a>
        <a href="#power-holders-editor-h">Power-holders</a>
        <a href="#asks-editor-h">Asks</a>
        <a href="#csv-import-h">Spreadsheets</a>
        <a href="#registrants-h">Registrants</a>
        <a href="#printables-h">Print</a>
        <a href="#duplicates-h">Counted once</a>
        <a href={`/a/${code}/exports#key=${staffKey}`}>Exports</a>
      </nav>

      {staffKey && <LinksAdmin code={code} staffKey={staffKey} />}
      <DetailsEditor state={state} />
      <SetupEditor state={state} />
      {staffKey && <CsvImport code={code} staffKey={staffKey} state={state} />}
      {staffKey && <RegistrantsAdmin code={code} staffKey={staffKey} state={state} publicUrl={publicUrl} />}

      {staffKey && <SetupFileImport code={code} staffKey={staffKey} />}

      {staffKey && (
        <PrintablesAdmin code={code} staffKey={staffKey} registrants={state.attendance.registrants.length} />
      )}
      {staffKey && <TurnoutAdmin code={code} staffKey={staffKey} state={state} />}
      {staffKey && <DuplicatesAdmin code={code} staffKey={staffKey} state={state} />}
      {staffKey && <FollowUpAdmin code={code} staffKey={staffKey} state={state} />}
    </main>
  );
}
