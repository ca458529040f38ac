import { afterEach, expect, it } from 'vitest';
import { startAssembly } from './harness';

type Night = Awaited<ReturnType<typeof startAssembly>>;
let night: Night | undefined;

afterEach(async () => {
  await night?.close();
  night = undefined;
});

// The chair's press is acknowledged once it is on disk, before the room's sockets (thousands
// of phones in a join rush) are written to: the chair's own copy of the batch comes after.
it('a command is acknowledged before its batch is sent to anyone, the sender included', async () => {
  night = await startAssembly();
  const chair = await night.open(night.created.keys.chair);
  const phone = await night.open();
  const order: string[] = [];
  chair.socket.on('events', () => order.push('events'));
  const reply = await new Promise((resolve) =>
    chair.socket.emit('command', { type: 'showMessage', text: 'Doors close in five minutes' }, (answer) => {
      order.push('ack');
      resolve(answer);
    }),
  );
  expect(reply).toMatchObject({ ok: true });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(order).toEqual(['ack', 'events']);
  expect(phone.state.live.message).toBe('Doors close in five minutes');
});
