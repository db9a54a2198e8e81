// The two formulas of textbook 2.5.1: the textbook problem's whole table, then each term of D_p2p deciding in turn,
// so that a formula missing any term fails. Here every answer's bound must name the deciding term (the other cases
// judge the times only), and the quantities are bare bits (the units have their own cases).
import { exerciseSuite } from '../../../harness/index.ts';
import { allInOrder } from './all-in-order.ts';
import { expectAnswer } from './expect-answer.ts';
import { inBits, type Scenario } from './scenario.ts';
import { TEXTBOOK_UPLOADS, textbookScenario } from './textbook-table.ts';

const suite = exerciseSuite('p2p-distribution', { group: 'The formulas' });
const reference = 'Kurose & Ross 2.5.1';

suite.case({ id: 'textbook-table', level: 'core', name: 'the textbook problem\'s whole table (F = 15 Gbit, u_s = 30 Mbps, d = 2 Mbps)', points: 3, reference }, async (t) => {
  await allInOrder(TEXTBOOK_UPLOADS.map((upload) => expectAnswer(t, inBits(textbookScenario(upload)), { bounds: true, exact: true })));
});

/** Every term of the formulas decides in one of these, for every N listed. */
const DECIDING: Array<{ id: string; name: string; scenario: Scenario }> = [
  {
    id: 'server-upload-decides',
    name: 'the server\'s upload decides: F/u_s in P2P, N·F/u_s in client-server',
    scenario: { fileSize: '16Gbit', serverUpload: '10Mbps', peers: { download: '100Mbps', upload: '10Mbps', counts: [1, 2, 5] } },
  },
  {
    id: 'client-download-decides',
    name: 'the slowest download decides: F/d_min',
    scenario: { fileSize: '800Mbit', serverUpload: '100Mbps', peers: { download: '1Mbps', upload: '5Mbps', counts: [10, 50] } },
  },
  {
    id: 'aggregate-upload-decides',
    name: 'everyone\'s upload together decides P2P: N·F/(u_s + Σu_i)',
    scenario: { fileSize: '8Gbit', serverUpload: '50Mbps', peers: { download: '20Mbps', upload: '1Mbps', counts: [200, 5000] } },
  },
];

for (const { id, name, scenario } of DECIDING) {
  suite.case({ id, level: 'core', name, points: 2, reference }, async (t) => {
    await expectAnswer(t, inBits(scenario), { bounds: true });
  });
}
