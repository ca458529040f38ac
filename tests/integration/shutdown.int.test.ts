import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from './harness';

// A server that is told to stop must stop: for SIGTERM on the night, and for the tests that
// run a server of their own beside a page that is still open and reconnecting.
describe('closing the server', () => {
  it('does not wait on a client that keeps its connection busy', async () => {
    const server = await startServer();
    // Half a request: the connection is never idle, and Node would wait out its timeouts.
    const stuck = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => stuck.once('connect', resolve));
    stuck.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
    // And a page that keeps asking over one keep-alive connection, as a reconnecting one does.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let asking = true;
    let answered = 0;
    const ask = () =>
      new Promise<void>((resolve) => {
        http
          .get(`${server.url}/healthz`, { agent }, (response) => {
            response.resume();
            response.on('end', () => {
              answered++;
              resolve();
            });
          })
          .on('error', () => resolve());
      });
    const poller = (async () => {
      while (asking) {
        await ask();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    while (answered < 3) await new Promise((resolve) => setTimeout(resolve, 20));

    const closed = await server.close().then(() => 'closed');
    expect(closed).toBe('closed');
    await new Promise((resolve) => stuck.once('close', resolve));
    asking = false;
    await poller;
    agent.destroy();
    // Nothing answers any more.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
