// Fairness of the smtp-client suite: clients that differ from the reference only where RFC 5321/5322 allow
// (lowercase verbs, other header order, extra header fields, another language) must score full marks.
import { describeFairness } from './fairness-variants.ts';

await describeFairness('smtp-client', 3);
