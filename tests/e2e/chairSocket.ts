import { io as connectSocket, type Socket } from 'socket.io-client';
import type { CommandInput } from '../../shared/protocol/commands';
import type { ClientToServer, CommandReply, ServerToClient } from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { Assembly } from './fixtures';

/**
 * The chair's (or a door's) commands sent straight from the test over a socket, as the
 * console sends them: to put the projector in a state quickly, where how the console does it is not
 * what the test is about.
 */
export async function staffSocket(baseURL: string, assembly: Assembly, role: 'chair' | 'door' = 'chair') {
  const key = assembly.paths[role].split('#key=')[1]!;
  const socket: Socket<ServerToClient, ClientToServer> = connectSocket(baseURL, {
    auth: { v: PROTOCOL_VERSION, code: assembly.code, key },
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    send: (command: CommandInput) =>
      new Promise<CommandReply>((resolve) => socket.emit('command', command, resolve)),
    close: () => socket.close(),
  };
}
