// Fairness of the dns-resolver suite: resolvers that differ from the reference only where the contract or the RFCs
// allow (key order, pretty-printed JSON, a new socket per attempt, the AD bit, a TTL read as RFC 2181 says, another
// language) must score full marks, hidden cases included.
import { describeFairness } from './fairness-variants.ts';

await describeFairness('dns-resolver', 4);
