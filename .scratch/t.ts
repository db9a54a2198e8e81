import dnsPacket from '/work/wt/i11/node_modules/dns-packet/index.js';
import { malformedReply } from '/work/wt/i11/harness/dns/malformed.ts';
const b = malformedReply({ id: 1, question: { name: 'a.test', type: 'A' }, answers: [] }, 'rdlength-past-end', '1.2.3.4', 60);
console.log(b.length, b.toString('hex'));
try { const p = dnsPacket.decode(b); console.log(dnsPacket.decode.bytes, JSON.stringify(p.answers)); } catch (e) { console.log('threw', e.message); }
