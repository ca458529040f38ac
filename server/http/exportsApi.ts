import type express from 'express';
import type { Request, Response } from 'express';
import type { AssemblyState } from '../../shared/domain/assembly';
import { markRehearsals, withoutRehearsal } from '../../shared/domain/rehearsal';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import { setupFileOf } from '../../shared/protocol/setup';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import { cardsByInstitutionCsv, cardsCsv } from './cardExports';
import { attendeesCsv, registrantsCsv, responsesCsv, turnoutCsv } from './exports';
import type { Located } from './located';

interface ExportDeps {
  host: AssemblyHost;
  locate: (req: Request, res: Response, needs?: Role) => Promise<Located | null>;
  send: (res: Response, result: Failure) => void;
  /** The server's address as people reach it: ticket links in registrants.csv use it. */
  baseUrl: (req: Request) => string;
}

/** The organiser's exports: spreadsheets, and the whole record with its journal. */
export function exportRoutes(router: express.Router, { host, locate, send, baseUrl }: ExportDeps): void {
  const exports: Record<string, (state: AssemblyState, base: string) => string> = {
    'turnout.csv': turnoutCsv,
    'attendees.csv': attendeesCsv,
    'registrants.csv': registrantsCsv,
    'responses.csv': responsesCsv,
    'cards.csv': cardsCsv,
    'cards-by-institution.csv': cardsByInstitutionCsv,
  };

  router.get('/assemblies/:code/export/:file', async (req, res) => {
    const file = req.params.file;
    const make = Object.hasOwn(exports, file) ? exports[file] : undefined;
    if (!make && file !== 'record.json' && file !== 'setup.json')
      return send(
        res,
        failure(
          'not_found',
          `Exports: ${[...Object.keys(exports), 'setup.json', 'record.json'].join(', ')}.`,
        ),
      );
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const { room } = found;
    res.status(200).set('cache-control', 'no-store').attachment(`${room.code}-${file}`);
    // The real night only: a rehearsal under way is not in the spreadsheets.
    const night = withoutRehearsal(room.committed);
    if (make) {
      res.type('text/csv; charset=utf-8').send(`\uFEFF${make(night, baseUrl(req))}`);
      return;
    }
    if (file === 'setup.json') {
      // The setup as a file the organiser page (or another server) can import again.
      const { title, venue, startsAt, endsAt, timeZone } = room.committed;
      const setup = {
        assembly: { title, venue, startsAt, endsAt, timeZone },
        ...setupFileOf(room.committed),
      };
      res.type('application/json').send(JSON.stringify(setup, null, 2));
      return;
    }
    // The real night and the whole journal: every event with its time and the role that sent it,
    // a rehearsal's marked with its number (nothing is hidden from the organiser).
    const seq = room.committedSeq;
    const journal = (await host.journal(room.code)).filter((entry) => entry.seq <= seq);
    res.type('application/json').send(
      JSON.stringify(
        {
          format: 'assembly-live-record',
          exportedAt: new Date().toISOString(),
          code: room.code,
          seq,
          assembly: night,
          rehearsalUnderWay: room.committed.rehearsal?.number ?? null,
          journal: markRehearsals(journal).map((entry) => ({
            ...entry,
            time: new Date(entry.at).toISOString(),
          })),
        },
        null,
        1,
      ),
    );
  });
}
