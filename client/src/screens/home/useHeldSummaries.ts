import { useEffect, useState } from 'react';
import type { HeldAssemblySummary } from '../../../../shared/protocol/heldAssemblies';
import { callApi } from '../../api';
import type { HeldAssembly } from '../../connection/heldKeys';

export type Summaries = Map<string, HeldAssemblySummary> | 'loading' | 'unavailable';

/**
 * Each held assembly's date, venue and status, asked of the server with one key this browser
 * holds for it (the organiser's where it has it): the server tells them only to a key holder.
 */
export function useHeldSummaries(held: readonly HeldAssembly[]): Summaries {
  const [summaries, setSummaries] = useState<Summaries>('loading');
  const asked = held
    .map((h) => ({ code: h.code, key: h.keys.admin ?? h.keys.chair ?? h.keys.door }))
    .filter((h): h is { code: string; key: string } => h.key !== undefined);
  const request = JSON.stringify(asked);
  useEffect(() => {
    let cancelled = false;
    if (request === '[]') {
      setSummaries(new Map());
      return;
    }
    callApi<{ assemblies: HeldAssemblySummary[] }>('/api/held', { assemblies: JSON.parse(request) }).then(
      (reply) => {
        if (cancelled) return;
        setSummaries(reply.ok ? new Map(reply.assemblies.map((s) => [s.code, s])) : 'unavailable');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [request]);
  return summaries;
}
