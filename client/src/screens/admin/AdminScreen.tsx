import type { MouseEvent } from 'react';
import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { RehearsalMark } from '../../components/RehearsalMark';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { CardsAdmin } from './CardsAdmin';
import { CsvImport } from './CsvImport';
import { DuplicatesAdmin } from './DuplicatesAdmin';
import { FollowUpAdmin } from './FollowUpAdmin';
import { LinksAdmin } from './LinksAdmin';
import { PrintablesAdmin } from './PrintablesAdmin';
import { ReadinessAdmin } from './ReadinessAdmin';
import { RegistrantsAdmin } from './RegistrantsAdmin';
import { RehearsalAdmin } from './RehearsalAdmin';
import { SetupFileImport } from './SetupFileImport';
import { DetailsEditor } from './setup/DetailsEditor';
import { SetupEditor } from './setup/SetupEditor';
import { TurnoutAdmin } from './TurnoutAdmin';
import './admin.css';

/** The page's sections, by the id of their heading. */
const CONTENTS = [
  ['rehearsal-h', 'Rehearsal'],
  ['links-h', 'Links'],
  ['readiness-h', 'Ready?'],
  ['details-editor-h', 'Details'],
  ['agenda-editor-h', 'Agenda'],
  ['institutions-editor-h', 'Institutions'],
  ['power-holders-editor-h', 'Power-holders'],
  ['asks-editor-h', 'Asks'],
  ['csv-import-h', 'Spreadsheets'],
  ['registrants-h', 'Registrants'],
  ['printables-h', 'Print'],
  ['duplicates-h', 'Counted once'],
  ['cards-admin-h', 'Cards'],
] as const;

/**
 * Scrolls to a section and moves the keyboard there, leaving the address alone: the page's
 * key is in its fragment (#key=...), and a "#institutions" in its place reloaded the page
 * without it ("This needs the organiser link").
 */
function goToSection(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  event.preventDefault();
  heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView();
  heading.focus({ preventScroll: true });
}

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
      <RehearsalMark note="The exports and the public record show the real night only." />
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
        {CONTENTS.map(([id, words]) => (
          <a key={id} href={`#${id}`} onClick={(e) => goToSection(e, id)}>
            {words}
          </a>
        ))}
        <a href={`/a/${code}/exports#key=${staffKey}`}>Exports</a>
        <a href={`/a/${code}/evaluation#key=${staffKey}`}>Evaluation</a>
      </nav>

      <RehearsalAdmin state={state} />
      {staffKey && <LinksAdmin code={code} staffKey={staffKey} />}
      <ReadinessAdmin state={state} />
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
      {staffKey && <CardsAdmin code={code} staffKey={staffKey} state={state} />}
      {staffKey && <FollowUpAdmin code={code} staffKey={staffKey} state={state} />}
    </main>
  );
}
