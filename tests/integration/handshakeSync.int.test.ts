import { io as connectSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncReply } from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { startAssembly, type TestSocket, waitFor } from './harness';

// A page's handshake says what it last saw (auth.sync); the server answers as soon as the
// socket is in, without being asked: a round trip sooner on a slow venue link.

type Night = Awaited<ReturnType<typeof startAssembly>>;
let night: Night | undefined;
const sockets: TestSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await night?.close();
  night = undefined;
});

/** A socket whose handshake carries `sync`, and everything it receives, in order. */
function connectWith(url: string, auth: Record<string, unknown>) {
  const received: { event: string; payload: unknown }[] = [];
  const socket: TestSocket = connectSocket(url, {
    auth: { v: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  socket.onAny((event, payload) => received.push({ event, payload }));
  sockets.push(socket);
  return { socket, received };
}

const synced = (received: { event: string; payload: unknown }[]) =>
  received.filter((r) => r.event === 'synced').map((r) => r.payload as SyncReply);

describe('a sync carried in the handshake', () => {
  it('is answered at once with the whole assembly, then the live stream follows it', async () => {
    night = await startAssembly();
    const chair = await night.open(night.created.keys.chair);
    const phone = connectWith(night.server.url, { code: night.created.code, sync: { epoch: null, seq: 0 } });
    await waitFor(() => synced(phone.received).length === 1);
    const [reply] = synced(phone.received);
    expect(reply).toMatchObject({ ok: true, kind: 'snapshot', role: 'public', seq: chair.seq });
    // Nothing was asked for: the socket is in its room and gets what happens next.
    expect(await chair.command({ type: 'showMessage', text: 'Welcome' })).toMatchObject({ ok: true });
    await waitFor(() => phone.received.some((r) => r.event === 'events'));
    expect(phone.received.findIndex((r) => r.event === 'synced')).toBeLessThan(
      phone.received.findIndex((r) => r.event === 'events'),
    );
  });

  it('gets just the gap when the page already holds most of it', async () => {
    night = await startAssembly();
    const chair = await night.open(night.created.keys.chair);
    const held = chair.seq;
    const epoch = chair.epoch;
    expect(await chair.command({ type: 'showMessage', text: 'One' })).toMatchObject({ ok: true });
    const phone = connectWith(night.server.url, { code: night.created.code, sync: { epoch, seq: held } });
    await waitFor(() => synced(phone.received).length === 1);
    const [reply] = synced(phone.received);
    expect(reply).toMatchObject({ ok: true, kind: 'replay' });
    expect(reply!.ok && reply!.kind === 'replay' && reply!.entries.map((entry) => entry.seq)).toEqual([
      held + 1,
    ]);
  });

  it('is refused, changing nothing, when it is not a sync; a handshake without one is asked as before', async () => {
    night = await startAssembly();
    const bad = connectWith(night.server.url, { code: night.created.code, sync: { seq: 'all', extra: 1 } });
    await waitFor(() => synced(bad.received).length === 1);
    expect(synced(bad.received)[0]).toMatchObject({ ok: false, code: 'invalid_body' });
    expect(bad.socket.connected).toBe(true);

    const old = connectWith(night.server.url, { code: night.created.code });
    await waitFor(() => old.socket.connected);
    const reply = await old.socket.timeout(5_000).emitWithAck('sync', { epoch: null, seq: 0 });
    expect(reply).toMatchObject({ ok: true, kind: 'snapshot' });
    expect(synced(old.received)).toEqual([]);
  });
});
