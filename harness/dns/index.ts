// The grader's DNS side: replies (well-formed and malformed), the scripted server, and the checks on a resolver.
export { dnsPlan, QueryLog, type Arrival, type Datagram, type DnsPeerPlan, type DnsScript, type StreamReply } from './dns-plan.ts';
export { encodeReply, withLengthPrefix } from './encode-reply.ts';
export { malformedReply, MALFORMATIONS, type Malformation } from './malformed.ts';
export { expectQuery, expectedQuery } from './expect-query.ts';
export { expectOutput, expectedOutput, canonicalJson, ipv6Text, type Leniency, type PrintedResult } from './expected-output.ts';
export { describeQueryFields, readQueryFields } from './read-query.ts';
export { renderMessage } from './render-message.ts';
export { TYPE_CODES, type PrintedType, type RecordSpec, type ReplySpec } from './reply-spec.ts';
