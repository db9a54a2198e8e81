// The dns-resolver exercise against real DNS software: the reference resolver asks dnsmasq (serving a test zone on a
// loopback port) and prints what dig prints for the same questions, a TC-forcing TXT set included; and dig, asked
// against the grader's own scripted servers, reads every well-formed reply the cases use as the cases expect, falling
// back to TCP on TC as the resolver must.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectedOutput, type PrintedResult } from '../../harness/dns/index.ts';
import { freePort } from '../../harness/ports.ts';
import { prepareProgram } from '../../harness/prepare-program.ts';
import { Transcript } from '../../harness/transcript.ts';
import { startPeer } from '../../harness/transport/index.ts';
import { solutionsDir } from '../grader/kit-paths.ts';
import { peers } from '../suites/dns-resolver/support/peers.ts';
import { dig, parseDig } from './dig-output.ts';

const BIG = Array.from({ length: 14 }, (_, i) => `s${String(i).padStart(2, '0')}-${'x'.repeat(50)}`);
const ZONE = [
  '--host-record=www.example.test,192.0.2.7,2001:db8::7',
  '--host-record=v6.example.test,2001:db8:0:0:1:0:0:1',
  '--cname=alias.example.test,www.example.test',
  '--mx-host=example.test,mail.example.test,10',
  '--mx-host=example.test,backup.example.test,20',
  '--txt-record=multi.example.test,"one","two words"',
  '--txt-record=multi.example.test,second record',
  `--txt-record=big.example.test,${BIG.join(',')}`,
];
const QUESTIONS: Array<[string, string]> = [
  ['www.example.test', 'A'], ['www.example.test', 'AAAA'], ['v6.example.test', 'AAAA'], ['alias.example.test', 'A'],
  ['example.test', 'MX'], ['multi.example.test', 'TXT'], ['big.example.test', 'TXT'], ['www.example.test.', 'A'],
];

let work = '';
let resolve: { command: string; args: string[] } | undefined;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'socklab-dns-real-'));
  const prepared = await prepareProgram(path.join(solutionsDir, 'dns-resolver'), 'resolve', work);
  if ('error' in prepared) throw new Error(prepared.error.summary);
  resolve = prepared;
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

async function reference(port: number, name: string, type: string): Promise<PrintedResult> {
  const result = await execa(resolve!.command, [...resolve!.args, '--server', '127.0.0.1', '--port', String(port), '--type', type, name], { reject: false, timeout: 30_000 });
  expect(result.exitCode, String(result.stderr)).toBe(0);
  return JSON.parse(String(result.stdout)) as PrintedResult;
}

describe('the reference resolver against dnsmasq', () => {
  let port = 0;
  let dnsmasq: ResultPromise | undefined;

  beforeAll(async () => {
    port = await freePort('udp');
    dnsmasq = execa('dnsmasq', ['--no-daemon', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv',
      '--no-hosts', '--conf-file=/dev/null', '--local-ttl=300', ...ZONE], { reject: false });
    for (let i = 0; i < 50 && !/status: NOERROR/.test(await dig(port, 'www.example.test', 'A', ['+tries=1', '+time=1'])); i++) { /* starting */ }
  }, 60_000);
  afterAll(() => { dnsmasq?.kill(); });

  for (const [name, type] of QUESTIONS) {
    test(`${name} ${type}: the resolver prints what dig reads`, { timeout: 60_000 }, async () => {
      const [ours, theirs] = await Promise.all([reference(port, name, type), dig(port, name, type)]);
      expect(ours).toEqual(parseDig(theirs, name, type));
      expect(ours.answers.length).toBeGreaterThan(0);
    });
  }

  test('the big TXT set is cut over UDP (TC set, as the resolver must handle)', { timeout: 60_000 }, async () => {
    const cut = await dig(port, 'big.example.test', 'TXT', ['+ignore']);
    expect(cut).toMatch(/;; flags: [a-z ]*\btc\b/);
    const whole = parseDig(await dig(port, 'big.example.test', 'TXT'), 'big.example.test', 'TXT');
    expect(whole.answers[0]?.data).toEqual(BIG);
  });
});

// Every case whose server sends replies a resolver must read. Not ignores-query-message: dig takes a message with
// QR = 0 for the reply (it warns "query response not set"), where the contract, like RFC 5452's advice, ignores it.
const READABLE = Object.keys(peers.cases).filter((id) => !/^(malformed-|query-label-too-long|query-name-too-long|give-up|ignores-query-message)/.test(id));
const DIG_WAIT: Record<string, string[]> = { 'tcp-reply-in-pieces': ['+time=20', '+tries=1'] };

describe('dig against the grader\'s servers', () => {
  for (const caseId of READABLE) {
    test(`${caseId}: dig reads each reply as the case expects the resolver to`, { timeout: 60_000 }, async () => {
      const transcript = new Transcript();
      const peer = await startPeer(peers, caseId, 1234, transcript);
      try {
        for (const scenario of peer.plan.scenarios) {
          const timeoutArg = DIG_WAIT[caseId] ?? [];
          const output = await dig(peer.port, scenario.name, scenario.type, timeoutArg);
          const want = expectedOutput({ ...scenario.reply!, id: 0 });
          const got = parseDig(output, scenario.name, scenario.type);
          // dig names the question as asked; the contract lets the question's case follow the reply or the query.
          expect({ ...got, question: { ...got.question, name: got.question.name.toLowerCase() } }, `${output}\n${transcript.lines().join('\n')}`)
            .toEqual({ ...want, question: { ...want.question, name: want.question.name.toLowerCase() } });
        }
        if (/^(tc-|tcp-)/.test(caseId)) expect(peer.plan.log.tcp.length, 'dig asked again over TCP').toBeGreaterThan(0);
        if (caseId === 'retry-after-timeout') expect(peer.plan.log.udp.length).toBe(3);
      } finally {
        peer.close();
      }
    });
  }
});
