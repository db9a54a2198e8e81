// The grader's model of p2p-distribution is held to numbers worked out by hand (the textbook problem's table), so
// that the suite's expected answers do not rest on code alone. The reference solution is held to the model by the
// self-proof (its random-input case compares the two).
import { describe, expect, test } from 'vitest';
import { clientServerTime, p2pTime, RATE_UNITS, SIZE_UNITS, valueOf } from '../models/p2p-distribution.ts';
import { expectedAnswer, inBits } from '../suites/p2p-distribution/scenario.ts';
import { TEXTBOOK_CLIENT_SERVER, TEXTBOOK_COUNTS, TEXTBOOK_P2P, TEXTBOOK_UPLOADS, textbookScenario } from '../suites/p2p-distribution/textbook-table.ts';

describe('the p2p-distribution model', () => {
  test.each(TEXTBOOK_UPLOADS)('reproduces the textbook table for u = %s', (upload) => {
    const answer = expectedAnswer(textbookScenario(upload));
    expect(answer.fileSizeBits).toBe(15e9);
    expect(answer.serverUploadBps).toBe(30e6);
    expect(answer.rows.map((row) => row.peers)).toEqual([...TEXTBOOK_COUNTS]);
    for (const row of answer.rows) {
      const [csSeconds, csBound] = TEXTBOOK_CLIENT_SERVER[row.peers];
      const [p2pSeconds, p2pBound] = TEXTBOOK_P2P[upload][row.peers];
      expect(row.clientServer.seconds).toBeCloseTo(csSeconds, 6);
      expect(row.clientServer.bounds).toEqual([csBound]);
      expect(row.p2p.seconds).toBeCloseTo(p2pSeconds, 6);
      expect(row.p2p.bounds).toEqual([p2pBound]);
    }
  });

  test('reads every unit of the contract, decimal prefixes and 8-bit bytes', () => {
    expect(['15Gbit', '1.875GB', '15000Mbit', '1875000kB', '1875000KB', '15000000000'].map((text) => valueOf(text, SIZE_UNITS))).toEqual(Array(6).fill(15e9));
    expect(['30Mbps', '3.75MB/s', '30000Kbps', '3750kB/s', '0.03Gbps', '30000000', '30000000bps'].map((text) => valueOf(text, RATE_UNITS))).toEqual(Array(7).fill(30e6));
    expect(() => valueOf('15GiB', SIZE_UNITS)).toThrow(/kit error/);
  });

  test('a scenario written in bare bits (the formula cases) has the same answer as in its units', () => {
    for (const upload of TEXTBOOK_UPLOADS) {
      expect(expectedAnswer(inBits(textbookScenario(upload)))).toEqual(expectedAnswer(textbookScenario(upload)));
    }
    const file = { fileSize: '2GB', serverUpload: '20Mbps', peers: { lines: [['0kbps', '8Mbps'], ['40kB/s', '25MB/s']] as Array<[string, string]>, finalNewline: true } };
    expect(inBits(file).peers).toEqual({ lines: [['0', '8000000'], ['320000', '200000000']], finalNewline: true });
    expect(expectedAnswer(inBits(file))).toEqual(expectedAnswer(file));
  });

  test('names every tied term, and free riders make P2P no faster than client-server', () => {
    const peers = { count: 10, minDownloadBps: 1e6, uploadSumBps: 0 };
    expect(p2pTime(1e9, 1e7, peers)).toMatchObject({ seconds: 1000, bounds: ['client-download', 'aggregate-upload'] });
    expect(clientServerTime(1e9, 1e7, peers)).toMatchObject({ seconds: 1000, bounds: ['server-upload', 'client-download'] });
  });
});
