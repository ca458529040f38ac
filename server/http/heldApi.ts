import type express from 'express';
import type { Request, Response } from 'express';
import { type Failure, failure } from '../../shared/protocol/errors';
import { describeIssues } from '../../shared/protocol/fields';
import { type HeldAssemblySummary, heldAssembliesRequest } from '../../shared/protocol/heldAssemblies';
import type { AssemblyHost } from '../assemblies/assemblyHost';

interface HeldDeps {
  host: AssemblyHost;
  send: (res: Response, result: Failure) => void;
}

/**
 * POST /api/held: the date, venue and status of each assembly the browser holds a staff key
 * for. Only a right key tells anything; a wrong one counts as a guess like anywhere else.
 * Read only: nothing is changed, whatever is sent.
 */
export function heldRoutes(router: express.Router, { host, send }: HeldDeps): void {
  router.post('/held', async (req: Request, res: Response) => {
    const parsed = heldAssembliesRequest.safeParse(req.body);
    if (!parsed.success) return send(res, failure('invalid_body', describeIssues(parsed.error)));
    const address = req.ip ?? 'unknown';
    const summaries: HeldAssemblySummary[] = [];
    // One at a time: a long list loads idle assemblies from the store, and must not crowd the night's work.
    const unknownLookups = host.limits.publicStateReadsPerAddress;
    for (const { code, key } of parsed.data.assemblies) {
      // A code this server does not have costs a store lookup and proves nothing: each one counts
      // against the address's public reads, so a list of made-up codes cannot keep the store busy.
      if (await unknownLookups.exhausted(address)) {
        summaries.push({ code, ok: false, refused: 'rate_limited' });
        continue;
      }
      const room = await host.currentRoom(code);
      if (!room) {
        await unknownLookups.take(address);
        summaries.push({ code, ok: false, refused: 'unknown_assembly' });
        continue;
      }
      const role = await host.roleFor(room, key, address);
      if (!role.ok || role.role === 'public') {
        const refused = !role.ok && role.code === 'rate_limited' ? 'rate_limited' : 'bad_key';
        summaries.push({ code, ok: false, refused });
        continue;
      }
      const { title, venue, startsAt, endsAt, timeZone, status } = room.committed;
      summaries.push({ code, ok: true, role: role.role, title, venue, startsAt, endsAt, timeZone, status });
    }
    res.set('cache-control', 'no-store').json({ ok: true, assemblies: summaries });
  });
}
