import { useEffect } from 'react';
import { Connecting } from '../../components/Connecting';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import type { PrintSheet } from '../../route';
import { whenAndWhere } from '../../whenAndWhere';
import { JoinPoster } from './JoinPoster';
import { PrintChecks } from './PrintChecks';
import { TableCards } from './TableCards';
import { TicketSheet } from './TicketSheet';
import './print.css';

const TITLES: Record<PrintSheet, string> = {
  poster: 'Join poster',
  cards: 'Table cards',
  tickets: 'Tickets',
};

/** A4 sheets to print: the join poster, table cards, and registrants' tickets. */
export default function PrintScreen({
  code,
  staffKey,
  sheet,
}: {
  code: string;
  staffKey: string | undefined;
  sheet: PrintSheet;
}) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const publicUrl = useAssembly((s) => s.publicUrl);
  useEffect(() => {
    document.title = `${TITLES[sheet]} · ${code}`;
  }, [sheet, code]);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  const when = whenAndWhere(state);
  const adminPath = staffKey ? `/a/${code}/admin#key=${staffKey}` : null;
  return (
    <div className="printable">
      <nav className="print-toolbar no-print" aria-label="Print">
        <h1>
          {TITLES[sheet]} · {state.title}
        </h1>
        <PrintChecks base={publicUrl} when={when} adminPath={adminPath} />
        <p>A4. Print with your browser; turn off its headers and footers for a clean sheet.</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => print()}>
            Print
          </button>
          {adminPath && (
            <a className="button" href={adminPath}>
              Back to the organiser page
            </a>
          )}
        </div>
      </nav>
      <main>
        {sheet === 'poster' && <JoinPoster state={state} publicUrl={publicUrl} when={when} />}
        {sheet === 'cards' && <TableCards state={state} publicUrl={publicUrl} when={when} />}
        {sheet === 'tickets' && <TicketSheet state={state} publicUrl={publicUrl} when={when} />}
      </main>
    </div>
  );
}
