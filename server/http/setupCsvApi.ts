import { randomBytes } from 'node:crypto';
import type express from 'express';
import type { Request, Response } from 'express';
import type { AssemblyState } from '../../shared/domain/assembly';
import {
  type CsvKind,
  type CsvPreview,
  previewCsvInSteps,
  problemsInOneLine,
  rowProblems,
  validRows,
} from '../../shared/protocol/csvImport';
import { garbledText } from '../../shared/protocol/csvText';
import { type Failure, failure } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import { type SetupFile, setupFileOf } from '../../shared/protocol/setup';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { Located } from './located';
import { pause } from './registrantsImport';

interface SetupCsvDeps {
  host: AssemblyHost;
  locate: (req: Request, res: Response, needs?: Role) => Promise<Located | null>;
  send: (res: Response, result: Failure) => void;
}

const SETUP_KINDS = ['institutions', 'powerHolders', 'asks'] as const;
type SetupKind = (typeof SETUP_KINDS)[number];
const isSetupKind = (kind: string): kind is SetupKind => (SETUP_KINDS as readonly string[]).includes(kind);

/** Ids made here, once: every later edit keeps them, so check-ins and answers keep their targets. */
const newId = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** The assembly's setup with the file's rows added at the end. */
function withRows(state: AssemblyState, preview: CsvPreview<SetupKind>): SetupFile {
  const file = setupFileOf(state);
  switch (preview.kind) {
    case 'institutions':
      return {
        ...file,
        institutions: [
          ...file.institutions,
          ...validRows(preview as CsvPreview<'institutions'>).map((row) => ({ id: newId('inst'), ...row })),
        ],
      };
    case 'powerHolders':
      return {
        ...file,
        powerHolders: [
          ...file.powerHolders,
          ...validRows(preview as CsvPreview<'powerHolders'>).map((row) => ({ id: newId('ph'), ...row })),
        ],
      };
    case 'asks':
      return {
        ...file,
        asks: [
          ...file.asks,
          ...validRows(preview as CsvPreview<'asks'>).map((row) => ({
            id: newId('ask'),
            title: row.title,
            wording: row.wording,
            targets: row.targetIds,
            commitment: { action: '', deadline: '', owner: '', measure: '' },
          })),
        ],
      };
    default:
      return preview.kind satisfies never;
  }
}

/**
 * Institutions, power-holders and asks from a spreadsheet, checked by the same rules as the
 * browser's preview. Any bad row and nothing is imported, unless the organiser asked for
 * only the valid rows (`?rows=valid`); a bad file is refused whole either way.
 */
export function setupCsvRoutes(router: express.Router, { host, locate, send }: SetupCsvDeps): void {
  router.post('/assemblies/:code/csv/:kind', async (req, res) => {
    const kind = String(req.params.kind);
    if (!isSetupKind(kind))
      return send(
        res,
        failure('not_found', `CSV imports are for ${SETUP_KINDS.join(', ')} (and /registrants).`),
      );
    const found = await locate(req, res, 'admin');
    if (!found) return;
    if (typeof req.body !== 'string')
      return send(res, failure('invalid_body', 'Send the CSV file itself, with Content-Type: text/csv.'));
    const garbled = garbledText(req.body);
    if (garbled) return send(res, failure('invalid_body', garbled));
    const state = found.room.decided;
    const preview = (await previewCsvInSteps(
      kind as CsvKind,
      req.body,
      state,
      pause,
    )) as CsvPreview<SetupKind>;
    const problems = [...preview.fileProblems, ...rowProblems(preview)];
    const onlyValid = req.query.rows === 'valid' && preview.fileProblems.length === 0;
    const rows = validRows(preview);
    if ((problems.length > 0 && !onlyValid) || rows.length === 0) {
      const all = problems.length > 0 ? problems : ['There are no valid rows in it.'];
      res.status(400).json({
        ...failure('invalid_body', problemsInOneLine(all.slice(0, 20))),
        problems: all.slice(0, 50),
      });
      return;
    }
    const reply = await host.execute(
      found.room,
      found.role,
      { type: 'editSetup', setup: withRows(state, preview), revision: state.setupRevision },
      { address: req.ip ?? 'unknown' },
    );
    if (!reply.ok) return send(res, reply);
    res.json({ ok: true, seq: reply.seq, added: rows.length, skipped: preview.rows.length - rows.length });
  });
}
