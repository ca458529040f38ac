import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssemblyState } from '../../shared/domain/assembly';
import type { CommandReply } from '../../shared/protocol/socket';

// The door's offline queue: a command the server keeps failing on must not hold up every
// check-in queued behind it, nor be retried for ever.

const answers: CommandReply[] = [];
vi.mock('../../client/src/connection/assemblyConnection', () => ({
  sendCommand: vi.fn(async () => answers.shift() ?? { ok: true, seq: 1 }),
}));

const { useAssembly } = await import('../../client/src/connection/assemblyStore');
const { MAX_SERVER_FAILURES, openOutbox, queueCommand, REHEARSAL_OVER, useOutbox } = await import(
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
    useAssembly.setState({ status: 'live', state: null });
    openOutbox('TEST23');
    useOutbox.setState({ waiting: [], refused: [] });
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

  it('a check-in queued during a rehearsal that has since ended is shown, never sent', async () => {
    const rehearsing = { rehearsal: { number: 1 } } as unknown as AssemblyState;
    useAssembly.setState({ status: 'reconnecting', state: rehearsing });
    const queued = queueCommand(checkIn('Practice Pat'), 'Check in Practice Pat', 'r');
    void queueCommand(checkIn('Practice Sam'), 'Check in Practice Sam', 's');
    expect(await queued).toEqual({ ok: 'queued' });
    expect(useOutbox.getState().waiting.map((q) => q.rehearsal)).toEqual([1, 1]);
    // The connection comes back after the chair ended the rehearsal; then a real one is queued.
    useAssembly.setState({ state: { rehearsal: null } as unknown as AssemblyState });
    void queueCommand(checkIn('Real Rosa'), 'Check in Real Rosa', 't');
    useAssembly.setState({ status: 'live' });
    await vi.advanceTimersByTimeAsync(0);
    const { waiting, refused } = useOutbox.getState();
    expect(waiting).toEqual([]);
    expect(refused.map((r) => r.label)).toEqual(['Check in Practice Pat', 'Check in Practice Sam']);
    expect(refused[0]!.failure).toMatchObject({ code: 'rehearsal_refused', message: REHEARSAL_OVER });
    expect(vi.mocked(sendCommand)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(sendCommand).mock.calls[0]![0]).toMatchObject({ name: 'Real Rosa' });
  });

  it('one queued in the rehearsal still under way is sent', async () => {
    const rehearsing = { rehearsal: { number: 2 } } as unknown as AssemblyState;
    useAssembly.setState({ status: 'reconnecting', state: rehearsing });
    void queueCommand(checkIn('Practice Pat'), 'Check in Practice Pat', 'u');
    useAssembly.setState({ status: 'live' });
    await vi.advanceTimersByTimeAsync(0);
    expect(useOutbox.getState().refused).toEqual([]);
    expect(vi.mocked(sendCommand)).toHaveBeenCalledTimes(1);
  });
});
