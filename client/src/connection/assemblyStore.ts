import { create } from 'zustand';
import type { AssemblyState } from '../../../shared/domain/assembly';
import type { Failure } from '../../../shared/protocol/errors';
import type { Role } from '../../../shared/protocol/roles';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface AssemblyStore {
  code: string;
  status: ConnectionStatus;
  /** Why the server refused us (unknown code, wrong key, stale page): shown, never a blank page. */
  refusal: Failure | null;
  role: Role | null;
  epoch: string | null;
  seq: number;
  state: AssemblyState | null;
  publicUrl: string;
  /** serverNow = Date.now() + clockOffsetMs */
  clockOffsetMs: number;
}

const initial: AssemblyStore = {
  code: '',
  status: 'connecting',
  refusal: null,
  role: null,
  epoch: null,
  seq: 0,
  state: null,
  publicUrl: typeof location === 'undefined' ? '' : location.origin,
  clockOffsetMs: 0,
};

// Socket listeners write here through setState, outside React; components select slices.
export const useAssembly = create<AssemblyStore>(() => initial);

export const serverNow = (): number => Date.now() + useAssembly.getState().clockOffsetMs;
