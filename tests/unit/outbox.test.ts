import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandReply } from '../../shared/protocol/socket';

// The door's offline queue: a command the server keeps failing on must not hold up every
// check-in queued behind it, nor be retried for ever.

const answers: CommandReply[] = [];
vi.mock('../../client/src/connection/assemblyConnection', () => ({
  sendCommand: vi.fn(async () => answers.shift() ?? { ok: true, seq: 1 }),
}));

const { useAssembly } = await import('../../client/src/connection/assemblyStore');
const { MAX_SERVER_FAILURES, openOutbox, queueCommand, useOutbox } = await import(
  '../../client/src/connection/outbox'
);
const { sendCommand } = await import('../../client/src/connection/assemblyConnection');

const internal: CommandReply = {
  ok: false,
  code: 'internal',
  message: 'Something went wrong on the server.',
};
const checkIn = (name: string) => ({
  type: 'checkIn' as const,
  checkInId: crypto.randomUUID(),
  name,
  institutionId: null,
});

describe('the outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    answers.length = 0;
    vi.mocked(sendCommand).mockClear();
    useAssembly.setState({ status: 'live' });
    openOutbox('TEST23');
  });

  it('retries a server failure a few times, then shows it and sends what waits behind it', async () => {
    answers.push(...Array(MAX_SERVER_FAILURES).fill(internal));
    const first = queueCommand(checkIn('Poison'), 'Check in Poison', 'a');
    expect(await first).toEqual({ ok: 'queued' });
    void queueCommand(checkIn('Grace Obi'), 'Check in Grace Obi', 'b');
    for (let i = 0; i < MAX_SERVER_FAILURES + 1; i++) await vi.advanceTimersByTimeAsync(3_000);
    const { waiting, refused } = useOutbox.getState();
    expect(waiting).toEqual([]);
    expect(refused.map((r) => r.label)).toEqual(['Check in Poison']);
    expect(refused[0]!.failure.message).toMatch(/could not take this 3 times/);
    // Three tries of the first, then the second once.
    expect(vi.mocked(sendCommand)).toHaveBeenCalledTimes(MAX_SERVER_FAILURES + 1);
  });

  it('keeps retrying what the network or the limits refused', async () => {
    answers.push(...Array(6).fill({ ok: false, code: 'unavailable', message: 'down' }));
    void queueCommand(checkIn('Patient'), 'Check in Patient', 'c');
    for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(3_000);
    expect(useOutbox.getState().refused).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(useOutbox.getState().waiting).toEqual([]);
  });
});
