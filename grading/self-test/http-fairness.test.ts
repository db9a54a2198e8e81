// Fairness of the http-server suite: servers that differ from the reference only where the contract or the RFCs
// allow (reason phrases, header order and case, charset parameters, 501 for 405, 404 or 400 for 403, 400 for 431,
// closing on a huge head, chunked error pages, an absolute Location) must score full marks, hidden cases included.
import { describeFairness } from './fairness-variants.ts';

await describeFairness('http-server', 2);
