// KNOWN FAILURES, EXCLUDED FROM THE FUZZ UNTIL THEIR FIXES ARE MERGED.
//
// Each is in code another engineer is rewriting now (shared/protocol, server/io,
// server/assemblies); the fuzz still generates them all. 1-4 were known before the fuzz; 5 it
// found. Once a fix is merged, delete its
// entry here: the fuzz must then pass without it. Nothing else may be excluded.

/** Would String(value) throw (as String(type) does in parseCommand)? */
function unstringable(value: unknown): boolean {
  try {
    String(value);
    return false;
  } catch {
    return true;
  }
}

export interface KnownFailure {
  id: string;
  what: string;
  /** True when this reply to this (received, i.e. JSON-decoded) input is the known failure. */
  matches: (input: unknown, reply: { code?: unknown }) => boolean;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    // 1. shared/protocol/commands.ts parseCommand: `String(type).slice(0, 40)` throws for a
    //    `type` that is an object whose toString is not a function ({"type":{"toString":1}}:
    //    TypeError "Cannot convert object to primitive value") or an array nested deep enough
    //    to overflow the stack (RangeError). The server answers 'internal' (HTTP 500).
    id: 'type-not-stringable',
    what: 'a command whose type cannot be made a string is answered internal',
    matches: (input, reply) =>
      reply.code === 'internal' &&
      typeof input === 'object' &&
      input !== null &&
      unstringable((input as { type?: unknown }).type),
  },
  // 2. Lone UTF-16 surrogates in text fields fail only on PostgreSQL (its JSON refuses
  //    them). The fuzz runs on SQLite, where they are stored: nothing to exclude here, and
  //    the fuzz asserts only "ok or a coded error", so the fix (refusing them) passes too.
  // 3. Line breaks in single-line text fields will be refused with invalid_command. The fuzz
  //    never asserts that such a command is accepted, so both behaviours pass: nothing to
  //    exclude.
  // 4. Rate limiting: 'rate_limited' is a coded error like any other (accepted as a reply),
  //    and a public socket the server disconnects for flooding is replaced, not a failure
  //    (see fuzzRun.ts, `publicSocketDropped`). Public sockets are fresh every few commands.
  {
    // 5. Found by this fuzz, in server/io/socketServer.ts: the handlers take the ack at a fixed
    //    place (sync and command: the second argument; clock: the first), while Socket.IO puts
    //    it last. A raw client sending another number of arguments with an ack
    //    (socket.emit('command', ack), socket.emit('command', cmd, extra, ack),
    //    socket.emit('clock', 1, ack)) is never answered and waits for ever.
    id: 'ack-not-where-expected',
    what: 'sync, command or clock sent with an ack and another number of arguments is never answered',
    matches: (input, reply) => {
      if (reply.code !== '(no answer)' || typeof input !== 'object' || input === null) return false;
      const { name, args } = input as { name?: unknown; args?: unknown[] };
      const expected = name === 'clock' ? 0 : name === 'command' || name === 'sync' ? 1 : -1;
      return expected >= 0 && Array.isArray(args) && args.length !== expected;
    },
  },
];

export function knownFailure(input: unknown, reply: { code?: unknown }): KnownFailure | undefined {
  return KNOWN_FAILURES.find((known) => known.matches(input, reply));
}

/** In-process: parseCommand threw, and the input is a known cause of that. */
export function knownParseThrow(input: unknown): KnownFailure | undefined {
  return knownFailure(input, { code: 'internal' });
}
