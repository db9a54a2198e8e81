// The UDP uppercase server's contract (textbook 2.7.1), case by case.
import { exerciseSuite, GradingFailure, scaled } from '../../../harness/index.ts';

const suite = exerciseSuite('udp-uppercase', { group: 'The server', role: 'server' });
const upper = (text: string) => text.toUpperCase();
// One cause, one deduction: the reply's port is judged by server-uppercases-a-datagram, and the uppercasing by it and
// server-unicode-uppercase; the other cases read the reply leniently on what they do not judge.
const otherPortAllowed = { anyPort: true } as const;
const judgedElsewhere = { anyPort: true, anyCase: true } as const;

suite.case({ id: 'server-uppercases-a-datagram', level: 'core', name: 'server answers a datagram with its uppercase', points: 2, reference: 'textbook 2.7.1' }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.udpSocket();
  await client.send(port, 'hello, udp world 42!');
  await client.expectDatagram('HELLO, UDP WORLD 42!', port);
});

suite.case({ id: 'server-unicode-uppercase', level: 'rfc', name: 'server uppercases non-ASCII text as Unicode does ("straße" → "STRASSE")', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.udpSocket();
  const text = 'grüße aus der straße, café, ñandú, σίσυφος';
  await client.send(port, text);
  await client.expectDatagram(upper(text), port, {
    ...otherPortAllowed,
    contentHint: 'Decode the datagram as UTF-8 and use toUpperCase() on the whole string (Python: str.upper()); mapping\n' +
      'only a–z to A–Z misses letters like ü and ß, and uppercasing bytes one at a time breaks multi-byte characters.',
  });
});

suite.case({ id: 'server-empty-datagram', level: 'rfc', name: 'server answers an empty datagram with an empty datagram', points: 1 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.udpSocket();
  await client.send(port, '');
  await client.expectDatagram('', port, {
    ...otherPortAllowed,
    hint: 'An empty datagram is still a datagram: reply with an empty one. Check for code that skips or crashes on\nan empty message.',
  });
});

suite.case({ id: 'server-largest-datagram', level: 'rfc', name: 'server answers a 65,507-byte datagram whole', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.udpSocket();
  const text = t.random.string(65_507, 'abcdefghijklmnopqrstuvwxyz .,;:!?0123456789');
  await client.send(port, text);
  await client.expectDatagram(upper(text), port, {
    ...judgedElsewhere,
    contentHint: 'A UDP datagram can carry up to 65,507 bytes. A receive buffer smaller than that (recvfrom(2048) in\nPython) cuts the datagram short.',
  });
});

suite.case({ id: 'server-replies-to-each-sender', level: 'core', name: 'server sends each reply to the client that asked, among five interleaved clients', points: 3 }, async (t) => {
  const { port } = await t.start('server');
  const clients = await Promise.all([1, 2, 3, 4, 5].map((n) => t.udpSocket(`[client ${n}] `)));
  const rounds = 3;
  // By hand, two clients are enough to see where the second one's reply goes.
  const twoClients = [
    `printf 'first' | nc -u -w2 127.0.0.1 ${port} | sed 's/^/client 1 got: /' &`,
    `sleep 0.5; printf 'second' | nc -u -w1 127.0.0.1 ${port} | sed 's/^/client 2 got: /'   # each gets its own reply`,
  ];
  for (let round = 0; round < rounds; round++) {
    for (const [index, client] of clients.entries()) {
      const text = `client ${index + 1} round ${round + 1}: ${t.random.string(12)}`;
      await client.send(port, text);
      await client.expectDatagram(upper(text), port, {
        ...judgedElsewhere,
        repro: twoClients,
        what: `client ${index + 1} (port ${client.localPort}), message ${round + 1}`,
        hint: 'Each reply goes to the address and port of the datagram it answers (rinfo in Node, the address\n' +
          'returned by recvfrom in Python), not to the first client or a fixed port; and the server keeps receiving.',
      });
    }
  }
});

suite.case({ id: 'server-survives-odd-input', level: 'rfc', name: 'server still answers after bytes that are not UTF-8 text', points: 2 }, async (t) => {
  const { port, program } = await t.start('server');
  const odd = await t.udpSocket('[odd client] ');
  await odd.send(port, Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]));
  await odd.send(port, Buffer.from([0xc3]));
  await odd.receive(scaled(500));
  const client = await t.udpSocket('[next client] ');
  const text = 'are you still there?';
  await client.send(port, text);
  if (program.exitStatus) {
    throw new GradingFailure({
      summary: 'your server stopped after it received bytes that are not valid UTF-8',
      sent: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]),
      hint: 'Decoding must not throw: in Node, buffer.toString("utf8") replaces bad bytes; in Python use\n' +
        'data.decode("utf-8", errors="replace"). Never let one datagram end the receive loop.',
      repro: [odd.reproLine()],
    });
  }
  await client.expectDatagram(upper(text), port, {
    ...judgedElsewhere,
    what: 'after the odd datagrams',
    repro: [
      `printf '\\377\\376\\000\\303(\\200' | nc -u -w2 127.0.0.1 ${port} | sed 's/^/odd client got: /' &`,
      `sleep 0.5; printf 'are you still there?' | nc -u -w1 127.0.0.1 ${port} | sed 's/^/next client got: /'`,
    ],
  });
});
