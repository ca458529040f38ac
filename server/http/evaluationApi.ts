import type express from 'express';
import type { Request, Response } from 'express';
import { evaluateNight } from '../../shared/domain/evaluation/nightEvaluation';
import type { Failure } from '../../shared/protocol/errors';
import type { Role } from '../../shared/protocol/roles';
import type { AssemblyHost } from '../assemblies/assemblyHost';
import type { Located } from './located';

interface EvaluationDeps {
  host: AssemblyHost;
  locate: (req: Request, res: Response, needs?: Role) => Promise<Located | null>;
  send: (res: Response, result: Failure) => void;
}

/**
 * The evaluation page's figures, built from the journal (rehearsals left out): staff-only,
 * as it names the core team and holds their candid words.
 */
export function evaluationRoutes(router: express.Router, { host, locate }: EvaluationDeps): void {
  router.get('/assemblies/:code/evaluation', async (req, res) => {
    const found = await locate(req, res, 'admin');
    if (!found) return;
    const { room } = found;
    const seq = room.committedSeq;
    const journal = (await host.journal(room.code)).filter((entry) => entry.seq <= seq);
    res
      .status(200)
      .set('cache-control', 'no-store')
      .json({ ok: true, code: room.code, seq, evaluation: evaluateNight(journal) });
  });
}
