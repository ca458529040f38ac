import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../shared/protocol/socket';
import { createAssembly, importSetup, MirrorClient, tempDir, waitFor } from './harness';
import { freePort, killHard, startServerProcess } from './serverProcess';

describe('kill -9 mid-session', () => {
  // Every server this file starts, restarted ones too: none may outlive the suite.
  const children: ChildProcess[] = [];
  const clients: MirrorClient[] = [];
  const start = async (port: number, dataDir: string) => {
    const started = await startServerProcess(port, dataDir);
    children.push(started);
    return started;
  };

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(children.map((started) => killHard(started)));
  });

  it('loses no acknowledged change, and clients reconnect and resync by themselves', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    const url = `http://127.0.0.1:${port}`;
    const child = await start(port, dataDir);

    const created = await createAssembly(url, { title: 'Restart Assembly' });
    await importSetup(url, created);
    const chair = await new MirrorClient(url, { code: created.code, key: created.keys.chair }).ready();
    const screen = await new MirrorClient(url, { code: created.code }).ready();
    clients.push(chair, screen);

    await chair.command({ type: 'goToItem', itemId: 'story' });
    const started = await chair.command({ type: 'startTimer' });
    expect(started.ok).toBe(true);

    // A burst of messages; the server dies part-way, with some still in flight.
    const acked: string[] = [];
    const server = child;
    const sends: Promise<CommandReply | null>[] = [];
    for (let i = 0; i < 300; i++) {
      const text = `message ${i}`;
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      sends.push(
        chair.command({ type: 'showMessage', text }).then(
          (reply) => {
            if (reply.ok) acked.push(text);
            if (acked.length === 40) void killHard(server);
            return reply;
          },
          () => null,
        ),
      );
    }
    await Promise.all(sends);
    await killHard(server);
    expect(acked.length).toBeGreaterThanOrEqual(40);
    expect(acked.length).toBeLessThan(300);
    expect(screen.socket.connected || chair.socket.connected).toBe(false);

    const syncsBefore = chair.syncs + screen.syncs;
    await start(port, dataDir);
    const response = await fetch(`${url}/api/assemblies/${created.code}`, {
      headers: { authorization: `Bearer ${created.keys.chair}` },
    });
    const restored = (await response.json()) as { seq: number; state: { live: { message: string } } };

    // Every acknowledged message is in the journal the restarted server rebuilt from.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${dataDir}/assembly-live.sqlite`, { readonly: true });
    const rows = db
      .prepare("SELECT event FROM journal WHERE code = ? AND type = 'messageShown' ORDER BY seq")
      .all(created.code) as { event: string }[];
    db.close();
    const stored = new Set(rows.map((row) => JSON.parse(row.event).text as string));
    for (const text of acked) expect(stored.has(text), `acked "${text}" must survive`).toBe(true);
    expect(restored.state.live.message).toBe(rows.at(-1) && JSON.parse(rows.at(-1)!.event).text);

    // Both clients come back on their own and hold exactly the server's state.
    await waitFor(
      () =>
        chair.syncs + screen.syncs >= syncsBefore + 2 &&
        chair.seq === restored.seq &&
        screen.seq === restored.seq,
      20_000,
      'clients to reconnect and resync',
    );
    expect(chair.socket.connected && screen.socket.connected).toBe(true);
    expect(screen.state.live).toEqual(restored.state.live);
    expect(chair.state.live.currentItemId).toBe('story');
    expect(chair.state.live.timer.startedAt).not.toBeNull();

    // And the night carries on.
    const next = await chair.command({ type: 'nextItem', fromItemId: 'story' });
    expect(next.ok).toBe(true);
    await waitFor(() => screen.state.live.currentItemId === 'close');
  }, 180_000);

  it('loses no acknowledged check-in, and resent ones still count once', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    const url = `http://127.0.0.1:${port}`;
    const child = await start(port, dataDir);
    const created = await createAssembly(url, { title: 'Check-in storm' });
    await importSetup(url, created);
    const door = await new MirrorClient(url, { code: created.code, key: created.keys.door }).ready();
    const phone = await new MirrorClient(url, { code: created.code }).ready();
    clients.push(door, phone);

    const commands = Array.from({ length: 400 }, (_, i) => ({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: `Storm ${i}`,
      institutionId: i % 2 ? 'mosque' : 'stmarys',
    }));
    const acked = new Set<string>();
    const server = child;
    await Promise.all(
      commands.map(async (command, i) => {
        if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, i / 2));
        const reply = await door.command(command).catch(() => null);
        if (reply?.ok) acked.add(command.checkInId);
        if (acked.size === 100) void killHard(server);
      }),
    );
    await killHard(server);
    expect(acked.size).toBeGreaterThanOrEqual(100);
    expect(acked.size).toBeLessThan(400);

    await start(port, dataDir);
    await waitFor(() => door.socket.connected && phone.socket.connected, 20_000, 'reconnect');
    // The door's outbox sends everything again, acked or not: each counts once.
    const replies = await Promise.all(commands.map((command) => door.command(command)));
    expect(replies.every((reply) => reply.ok)).toBe(true);

    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${dataDir}/assembly-live.sqlite`, { readonly: true });
    const stored = (
      db.prepare("SELECT event FROM journal WHERE code = ? AND type = 'checkedIn'").all(created.code) as {
        event: string;
      }[]
    ).map((row) => JSON.parse(row.event).checkIn.id as string);
    db.close();
    expect(stored).toHaveLength(400);
    expect(new Set(stored).size).toBe(400);
    for (const id of acked) expect(stored).toContain(id);
    await waitFor(
      () =>
        (phone.state.turnout.byInstitution.mosque ?? 0) + (phone.state.turnout.byInstitution.stmarys ?? 0) ===
        400,
      10_000,
      'the public count to reach 400',
    );
    expect(phone.state.turnout.byInstitution).toEqual({ mosque: 200, stmarys: 200 });
  }, 180_000);
});
