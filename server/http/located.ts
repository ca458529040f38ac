import type { Role } from '../../shared/protocol/roles';
import type { AssemblyRoom } from '../assemblies/assemblyRoom';

/** An assembly found from a request's path, with the role its key opened (the route modules' view of api.ts). */
export interface Located {
  room: AssemblyRoom;
  role: Role;
}
