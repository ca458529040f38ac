import net from 'node:net';

/**
 * A TCP load balancer in front of several nodes, as nginx would be: each new connection
 * goes to the first node that answers. When a node dies, its clients' reconnects land on
 * the next one, without the clients knowing there are nodes at all.
 */
export async function startLoadBalancer(ports: number[]): Promise<{ url: string; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const connectTo = (index: number, client: net.Socket) => {
    if (index >= ports.length) return client.destroy();
    const upstream = net.connect(ports[index]!, '127.0.0.1');
    let connected = false;
    upstream.on('error', () => {
      if (connected) client.destroy();
      else connectTo(index + 1, client);
    });
    upstream.once('connect', () => {
      connected = true;
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  };
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    connectTo(0, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
