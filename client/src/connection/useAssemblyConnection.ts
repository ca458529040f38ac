import { useEffect } from 'react';
import { connectAssembly } from './assemblyConnection';

/** Connects for the life of the screen; reconnection and resync happen underneath. */
export function useAssemblyConnection(code: string, key?: string, cache = false): void {
  useEffect(() => connectAssembly({ code, key, cache }), [code, key, cache]);
}
