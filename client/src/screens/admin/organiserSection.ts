import type { AssemblyState } from '../../../../shared/domain/assembly';

/** What every section of the organiser page is given: the assembly, its key and its state. */
export interface OrganiserSection {
  code: string;
  staffKey: string;
  state: AssemblyState;
}
