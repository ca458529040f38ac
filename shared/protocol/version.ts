/** Bumped whenever a message shape changes; a client with another number is told to reload. */
export const PROTOCOL_VERSION = 7;
