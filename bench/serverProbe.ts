import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

// Preloaded into a server the bench starts (`--import bench/serverProbe.ts`), answering over
// the IPC channel the bench opened: the heap after a full GC, and a CPU profile (the same V8
// profiler as `node --cpu-prof`) of just the phase being measured. Without an IPC channel
// (any other start) it does nothing, so the production server carries no bench code.

type ProbeRequest =
  | { probe: 'memory'; id: number }
  | { probe: 'profileStart'; id: number }
  | { probe: 'profileStop'; id: number; file: string };

const gc = (globalThis as { gc?: () => void }).gc;
let session: Session | null = null;

async function answer(request: ProbeRequest): Promise<unknown> {
  switch (request.probe) {
    case 'memory':
      gc?.();
      return process.memoryUsage();
    case 'profileStart':
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return true;
    case 'profileStop': {
      if (!session) return false;
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(request.file, JSON.stringify(profile));
      session.disconnect();
      session = null;
      return true;
    }
    default:
      return request satisfies never;
  }
}

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (typeof message !== 'object' || message === null || !('probe' in message)) return;
    answer(message).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
  // The channel must not keep a server alive that would otherwise exit.
  process.channel?.unref();
}
