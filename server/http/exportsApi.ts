import type express from 'express';
import type { Request, Response } from 'express';
import type { AssemblyState } from '../../shared/domain/assembly';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import { setupFileOf } from '../../shared/protocol/setup';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { Located } from './api';
import { attendeesCsv, responsesCsv, turnoutCsv } from './exports';

interface ExportDeps {
  host: AssemblyHost;
  locate: (req: Request, res: Response, needs?: Role) => Promise<Located | null>;
  send: (res: Response, result: Failure) => void;
}

/** The organiser's exports: spreadsheets, and the whole record with its journal. */
export function exportRoutes(router: express.Router, { host, locate, send }: ExportDeps): void {
  const exports: Record<string, (state: AssemblyState) => string> = {
    'turnout.csv': turnoutCsv,
    'attendees.csv': attendeesCsv,
    'responses.csv': responsesCsv,
  };

  router.get('/assemblies/:code/export/:file', async (req, res) => {
    const file = req.params.file;
    const make = Object.hasOwn(exports, file) ? exports[file] : undefined;
    if (!make && file !== 'record.json' && file !== 'setup.json')
      return send(
        res,
        failure('not_found', 'Exports: turnout.csv, attendees.csv, responses.csv, setup.json, record.json.'),
      );
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const { room } = found;
    res.status(200).set('cache-control', 'no-store').attachment(`${room.code}-${file}`);
    if (make) {
      res.type('text/csv; charset=utf-8').send(`\uFEFF${make(room.committed)}`);
      return;
    }
    if (file === 'setup.json') {
      // The setup as a file the organiser page (or another server) can import again.
      const { title, venue, startsAt, endsAt } = room.committed;
      const setup = { assembly: { title, venue, startsAt, endsAt }, ...setupFileOf(room.committed) };
      res.type('application/json').send(JSON.stringify(setup, null, 2));
      return;
    }
    // The whole assembly and its journal: every event with its time and the role that sent it.
    const seq = room.committedSeq;
    const journal = (await host.journal(room.code)).filter((entry) => entry.seq <= seq);
    res.type('application/json').send(
      JSON.stringify(
        {
          format: 'assembly-live-record',
          exportedAt: new Date().toISOString(),
          code: room.code,
          seq,
          assembly: room.committed,
          journal: journal.map((entry) => ({ ...entry, time: new Date(entry.at).toISOString() })),
        },
        null,
        1,
      ),
    );
  });
}
