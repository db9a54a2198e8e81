// Small in-test peers for the harness's own tests: a TCP server with a handler, and a UDP socket with one.
import dgram from 'node:dgram';
import net from 'node:net';

/**
 * A TCP server on 127.0.0.1 with a free port; `close()` also destroys the connections it still holds.
 * With `allowHalfOpen`, the client's FIN does not close the server's side (Node closes it by default).
 */
export async function tinyTcpServer(onConnection: (socket: net.Socket) => void, allowHalfOpen = false) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => { /* the grader's side went away */ });
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A UDP socket on 127.0.0.1 with a free port, calling `onMessage` for each datagram. */
export async function tinyUdpServer(onMessage: (socket: dgram.Socket, message: Buffer, from: dgram.RemoteInfo) => void) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, from) => onMessage(socket, message, from));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

/** Uppercases what arrives, as the textbook's servers do. */
export const upper = (data: Buffer) => Buffer.from(data.toString('utf8').toUpperCase());
