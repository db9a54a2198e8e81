// The TCP uppercase server's contract (textbook 2.7.2), case by case: lines over a byte stream, many clients.
import { exerciseSuite, GradingFailure, scaled, timeout } from '../../../harness/index.ts';
import { byHand, crashedOnReset, LETTERS, sleep, stillRunning } from './support/server-checks.ts';

const suite = exerciseSuite('tcp-uppercase', { group: 'The server', role: 'server' });
const upper = (text: string) => text.toUpperCase();

suite.case({ id: 'server-uppercases-a-line', level: 'core', name: 'server answers a line with its uppercase and "\\n"', points: 2, reference: 'textbook 2.7.2' }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  client.write('hello, tcp world 42!\n');
  await client.expect('HELLO, TCP WORLD 42!\n', {
    hint: 'Answer each line with its uppercase followed by "\\n". Splitting on "\\n" removes the newline: add it back\n' +
      'when you write the answer.',
  });
});

suite.case({ id: 'server-many-lines-in-one-write', level: 'rfc', name: 'server answers every line of a write that holds several, in order', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  const lines = Array.from({ length: 6 }, (_, n) => `line ${n + 1}: ${t.random.string(t.random.int(5, 30))}`);
  client.write(lines.map((line) => `${line}\n`).join(''));
  await client.expect(lines.map((line) => `${upper(line)}\n`).join(''), {
    what: `six lines sent in one write`,
    hint: 'One read may hold several lines: split what you read on "\\n" and answer every complete line, not only\n' +
      'the first, and keep the connection open for the next ones.',
  });
});

suite.case({ id: 'server-line-split-over-writes', level: 'rfc', name: 'server waits for the newline of a line that arrives in pieces', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  const pieces = ['hel', 'lo, wo', 'rld', '\n'];
  const hint = 'The grader sent one line in four pieces, pausing after each: its answer may only come after the "\\n".\n' +
    '(The textbook\'s TCPServer.py answers whatever one recv() returns, as if it were the whole request.)';
  await byHand.instead(byHand.inPieces(port, pieces, 0.3), async () => {
    for (const [index, piece] of pieces.slice(0, -1).entries()) {
      client.write(piece);
      const quiet = index === 0 ? timeout('quiet') : scaled(100);
      await client.expectNothing(quiet, { what: `after the piece "${piece}", before the newline`, hint });
    }
    client.write('\n');
    await client.expect('HELLO, WORLD\n', { what: 'the line sent in four pieces', hint });
  });
});

suite.case({ id: 'server-utf8-split-across-writes', level: 'rfc', name: 'server keeps UTF-8 characters whole when their bytes arrive in separate writes', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  const bytes = Buffer.from('grüße 😀 ok\n');
  const inUmlaut = bytes.indexOf(Buffer.from('ü')) + 1;
  const inEmoji = bytes.indexOf(Buffer.from('😀')) + 2;
  const pieces = [bytes.subarray(0, inUmlaut), bytes.subarray(inUmlaut, inEmoji), bytes.subarray(inEmoji)];
  await client.writeSlowly(pieces, scaled(100));
  await byHand.instead(byHand.inPieces(port, pieces, 0.1), () => client.expect('GRÜSSE 😀 OK\n', {
    what: '"grüße 😀 ok\\n" sent in three writes, cut inside "ü" and inside "😀"',
    hint: 'A character of several bytes can be cut between two reads. Decoding each read on its own turns its pieces\n' +
      'into "�" (U+FFFD, the replacement character). Decode with one StringDecoder per connection (Node), or keep\n' +
      'bytes until the "\\n" and decode whole lines (Python: buffer bytes, then line.decode()).',
  }));
});

suite.case({ id: 'server-unicode-uppercase', level: 'rfc', name: 'server uppercases as Unicode does ("ß" → "SS", "é" → "É")', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  const text = 'grüße aus der straße, café, ñandú, σίσυφος';
  client.write(`${text}\n`);
  await client.expect(`${upper(text)}\n`, {
    contentHint: 'Decode the line as UTF-8 and call toUpperCase() on the whole string (Python: str.upper()); mapping only\n' +
      'a–z to A–Z misses letters like ü and ß. The answer may be longer than the line ("ß" becomes "SS").',
  });
});

suite.case({ id: 'server-empty-line', level: 'rfc', name: 'server answers an empty line with an empty line', points: 1 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  client.write('before\n\nafter\n');
  await client.expect('BEFORE\n\nAFTER\n', {
    what: 'three lines, the middle one empty',
    hint: 'An empty line is still a line: answer it with "\\n". Check for code that skips empty strings after\n' +
      'splitting (if (line) …, filter(Boolean)).',
  });
});

suite.case({ id: 'server-answers-final-unterminated-line', level: 'rfc', name: 'server answers a last line without a newline when the client ends its stream', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  client.write('first line\nno newline at the end');
  client.end();
  await client.expect('FIRST LINE\nNO NEWLINE AT THE END\n', {
    what: 'after the client ended its stream (FIN) with an unterminated line pending',
    hint: 'When the client ends its stream (\'end\' in Node, recv() returning b"" in Python), what is left after the\n' +
      'last "\\n" is a line too: answer it, followed by "\\n", before you close.',
  });
});

suite.case({ id: 'server-closes-after-client-ends', level: 'rfc', name: 'server sends every answer, then closes, after the client ends its stream', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  const lines = Array.from({ length: 3 }, (_, n) => `request ${n + 1} ${t.random.string(10)}`);
  // One write per line with a pause between them, then the FIN: a server that answers one read and closes (the
  // textbook's recv(), send(), close()) answers the first line only. Lines in one write would hide that.
  const pieces = lines.map((line) => `${line}\n`);
  const hint = 'The client sent three lines, pausing between them, then ended its side (FIN): it is still reading.\n' +
    'Answer every line as it comes, and close your side with socket.end() only when the \'end\' event comes\n' +
    '(Python: when recv() returns b""). One read is not one client: do not close after answering it.';
  await byHand.instead(byHand.inPieces(port, pieces, 0.2), async () => {
    await client.writeSlowly(pieces, scaled(150));
    await sleep(scaled(150));
    client.end();
    await client.expect(lines.map((line) => `${upper(line)}\n`).join(''), { what: 'the answers to three lines sent in three writes, then the client\'s FIN', hint });
    await client.expectClose({ what: 'after the last answer', hint });
  });
});

suite.case({ id: 'server-many-rounds-on-one-connection', level: 'core', name: 'server answers request after request on one connection', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  for (let round = 1; round <= 5; round++) {
    const line = `round ${round}: ${t.random.string(t.random.int(3, 40))}`;
    client.write(`${line}\n`);
    await client.expect(`${upper(line)}\n`, {
      what: `request ${round} of 5 on the same connection`,
      hint: 'Keep reading from a connection until the client ends it; do not close it after the first answer (the\n' +
        'textbook\'s TCPServer.py closes after one recv(); this contract wants every line answered).',
    });
  }
});

suite.case({ id: 'server-survives-a-reset', level: 'rfc', name: 'server keeps serving after a client resets its connection', points: 2 }, async (t) => {
  const { port, program } = await t.start('server');
  const rude = await t.connect(port, '[client 1] ');
  rude.write('i will vanish\n');
  await rude.expect('I WILL VANISH\n');
  rude.write('half a li');
  await sleep(scaled(100));
  rude.reset();
  await program.waitForExit(scaled(300));
  if (program.exitStatus && !crashedOnReset(program)) stillRunning(program, 'while a client sent half a line and then reset its connection');
  if (program.exitStatus) {
    throw new GradingFailure({
      summary: 'your server stopped after a client reset its connection (TCP RST)',
      sent: rude.sentBytes,
      hint: 'A reset reaches the server as an error on that client\'s socket (ECONNRESET). In Node, an \'error\' event\n' +
        'without a listener ends the whole program: add socket.on(\'error\', …) to every connection\'s socket. In\n' +
        'Python, catch ConnectionResetError around recv() and send().',
      repro: byHand.resetAfter(port, 'i will vanish\nhalf a li'),
    });
  }
  const next = await t.connect(port, '[client 2] ');
  next.write('still there?\n');
  await next.expect('STILL THERE?\n', {
    what: 'a new client after the reset',
    hint: 'The new client gets the answer to its own line only: text a client left unanswered belongs to that\n' +
      'client\'s connection and goes away with it.',
  });
});

suite.case({ id: 'server-serves-others-while-one-is-silent', level: 'rfc', name: 'server answers a client while others hold idle connections', points: 3 }, async (t) => {
  const { port, program } = await t.start('server');
  const silent = await t.connect(port, '[silent client] ');
  const partial = await t.connect(port, '[partial client] ');
  partial.write('partial');
  await sleep(scaled(100));
  const busy = await t.connect(port, '[third client] ');
  busy.write('are you serving me?\n');
  await byHand.instead(byHand.whileIdle(port, 'are you serving me?\n'), () => busy.expect('ARE YOU SERVING ME?\n', {
    what: 'the third client, while the first sent nothing and the second sent half a line',
    hint: 'Serve every connection independently. A server that handles one connection at a time (a loop around\n' +
      'accept() then recv(), as in the textbook\'s TCPServer.py) waits for the silent client forever. Keep each\n' +
      'client\'s unanswered text in that client\'s own state, never in one variable shared by all.',
  }));
  stillRunning(program, 'while clients held idle connections');
  silent.write('late\n');
  await silent.expect('LATE\n', { what: 'the silent client, when it speaks at last' });
  partial.write(' line\n');
  await byHand.instead(byHand.inPieces(port, ['partial', ' line\n'], 1), () => partial.expect('PARTIAL LINE\n', {
    what: 'the partial client, when its line is complete',
  }));
});

suite.case({ id: 'server-many-clients-at-once', level: 'rfc', name: 'server keeps 20 interleaved clients apart', points: 3 }, async (t) => {
  const { port } = await t.start('server');
  const clients = [];
  for (let n = 1; n <= 20; n++) clients.push(await t.connect(port, `[client ${n}] `));
  for (let round = 1; round <= 2; round++) {
    const lines = clients.map((_, n) => `client ${n + 1} line ${round} ${t.random.string(t.random.int(4, 24))}`);
    const cuts = lines.map((line) => t.random.int(1, line.length - 1));
    // Every client sends the first part of its line, then every client the rest: the lines interleave.
    clients.forEach((client, n) => client.write(lines[n].slice(0, cuts[n])));
    await sleep(scaled(50));
    clients.forEach((client, n) => client.write(`${lines[n].slice(cuts[n])}\n`));
    for (const [n, client] of clients.entries()) {
      await byHand.instead(byHand.interleaved(port), () => client.expect(`${upper(lines[n])}\n`, {
        what: `client ${n + 1} of 20, line ${round}`,
        hint: 'Each connection needs its own buffer of unanswered text and its own socket to answer on. One buffer\n' +
          'shared by all connections mixes the clients\' lines; one "current socket" variable sends the answers to\n' +
          'the wrong client.',
      }));
    }
  }
});

suite.case({ id: 'server-answers-a-long-line', level: 'rfc', name: 'server answers a 1 MB line whole', points: 2 }, async (t) => {
  const { port } = await t.start('server');
  const client = await t.connect(port);
  const line = t.random.string(1_000_000, LETTERS);
  client.write(`${line}\n`);
  await byHand.instead(byHand.longLine(port), () => client.expect(`${upper(line)}\n`, {
    what: 'a line of 1,000,000 bytes',
    timeoutMs: timeout('reply') * 2,
    hint: 'A line can be longer than one read (recv(1024) in Python, a 64 KB chunk in Node): keep adding reads to\n' +
      'the line until its "\\n" arrives, then answer it whole, with one "\\n" at its end.',
  }));
});
