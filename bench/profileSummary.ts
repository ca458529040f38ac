import fs from 'node:fs';

// Self time per function in a V8 .cpuprofile (what `node --cpu-prof` writes), heaviest
// first: `npx tsx bench/profileSummary.ts bench/results/profiles/checkins.cpuprofile`.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const place = (frame: ProfileNode['callFrame']) => {
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*?node_modules\//, '~/');
  const short = file.replace(/^.*\/(server|shared|client|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${short ? `${short}:${frame.lineNumber + 1}` : ''}`.trim();
};

export function summariseProfile(profile: CpuProfile, top = 20): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const node = byNode.get(id);
    if (!node) return;
    const key = place(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(
    ([name, us]) =>
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
  );
  return [`self time over ${(total / 1e6).toFixed(1)} s:`, ...lines].join('\n');
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/profileSummary.ts FILE.cpuprofile [top]');
  console.log(summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), Number(process.argv[3] ?? 25)));
}
