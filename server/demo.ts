import fs from 'node:fs';
import path from 'node:path';
import type { AssemblyHost, CreatedAssembly } from './assemblies/assemblyHost';
import { registrantsFromCsv } from './http/registrantsImport';
import { ROOT } from './root';

const DEMO_FILE = path.join(ROOT, 'examples/demo-assembly.json');

const DEMO_REGISTRANTS = path.resolve(path.dirname(DEMO_FILE), 'demo-registrants.csv');

const QUARTER_HOUR = 15 * 60_000;

/** A realistic assembly to try things on: starts at the next quarter hour, runs 75 minutes. */
export async function createDemoAssembly(host: AssemblyHost, now = Date.now()): Promise<CreatedAssembly> {
  const setup = JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8'));
  const startsAt = Math.ceil(now / QUARTER_HOUR) * QUARTER_HOUR;
  const details = {
    title: setup.assembly.title,
    venue: setup.assembly.venue,
    startsAt,
    endsAt: startsAt + 75 * 60_000,
  };
  const created = await host.create(details);
  const room = await host.room(created.code);
  if (!room) throw new Error('demo assembly vanished');
  const reply = await host.execute(room, 'admin', {
    type: 'importSetup',
    setup: { ...setup, assembly: { startsAt, endsAt: details.endsAt } },
  });
  if (!reply.ok) throw new Error(`demo setup refused: ${reply.message}`);
  // A few pre-registered people, so the door's search and tickets have someone to find.
  const registrants = await registrantsFromCsv(
    fs.readFileSync(DEMO_REGISTRANTS, 'utf8'),
    room.committed.institutions,
  );
  if (!registrants.ok) throw new Error(`demo registrants refused: ${registrants.problems.join('; ')}`);
  const added = await host.execute(room, 'admin', {
    type: 'addRegistrants',
    registrants: registrants.registrants,
  });
  if (!added.ok) throw new Error(`demo registrants refused: ${added.message}`);
  return created;
}
