// Peers that differ (a peers file: the slowest download, the sum of the uploads), peers that upload nothing, and the
// smallest and a huge swarm answered at once. The quantities are written in units for the reader, and given to calc
// as bare bits (inBits): the units have their own cases.
import { exerciseSuite, scaled } from '../../../harness/index.ts';
import { allInOrder } from './all-in-order.ts';
import { expectAnswer } from './expect-answer.ts';
import { inBits } from './scenario.ts';

const suite = exerciseSuite('p2p-distribution', { group: 'Peers files and peer counts' });
const reference = 'Kurose & Ross 2.5.1';

suite.case({ id: 'peers-file-slowest-download', level: 'rfc', name: 'a peers file: the slowest download decides; last line without a newline', points: 2, reference }, async (t) => {
  // d_min = 4 Mbps, on the last line: F/d_min = 1000 s decides both times; the average download would give 53 s.
  await expectAnswer(t, inBits({
    fileSize: '4Gbit',
    serverUpload: '100Mbps',
    peers: {
      lines: [['2Mbps', '50Mbps'], ['500kB/s', '20Mbps'], ['1Mbps', '100Mbps'], ['3Mbps', '25MB/s'], ['250Kbps', '4Mbps']],
      finalNewline: false,
    },
  }));
});

suite.case({ id: 'peers-file-upload-sum', level: 'rfc', name: 'a peers file: the uploads add up, N is the number of lines', points: 2, reference }, async (t) => {
  // Twelve peers uploading 3.92 Mbps together, one of them nothing: N·F/(u_s + Σu_i) decides P2P.
  const uploads = ['100kbps', '250Kbps', '1Mbps', '40kB/s', '0', '300000', '0.5Mbps', '25KB/s', '1Mbps', '80kbps', '70kbps', '0.0001Gbps'];
  await expectAnswer(t, inBits({
    fileSize: '1Gbit',
    serverUpload: '10Mbps',
    peers: { lines: uploads.map((upload, i) => [upload, `${50 + i}Mbps`]), finalNewline: true },
  }));
});

suite.case({ id: 'extreme-peer-counts', level: 'rfc', name: 'N = 1 and N = 1,000,000,000 in one run, answered at once', points: 2, reference }, async (t) => {
  await expectAnswer(t, inBits({
    fileSize: '15Gbit', serverUpload: '30Mbps', peers: { download: '2Mbps', upload: '700kbps', counts: [1, 1_000_000_000] },
  }), {
    withinMs: scaled(5000),
    hint: 'A billion peers must be answered at once: compute with the formulas (Σu_i = N·u when every peer uploads u).\n' +
      'A loop over the peers, or an array with one element per peer, takes far too long.',
  });
});

suite.case({ id: 'free-riding-peers', level: 'rfc', name: 'free riders (upload 0): P2P is no faster than client-server', points: 2, reference }, async (t) => {
  await allInOrder([
    // N = 4 is a tie (4·F/u_s = F/d = 3200 s): either tied term is a right bound.
    expectAnswer(t, inBits({ fileSize: '2GB', serverUpload: '20Mbps', peers: { download: '5Mbps', upload: '0', counts: [1, 4, 10, 100] } })),
    expectAnswer(t, inBits({
      fileSize: '2GB',
      serverUpload: '20Mbps',
      peers: { lines: [['0', '10Mbps'], ['0kbps', '8Mbps'], ['0B/s', '20Mbps'], ['1Mbps', '10Mbps']], finalNewline: true },
    })),
  ]);
});
