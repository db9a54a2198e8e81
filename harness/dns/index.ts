// The grader's DNS side: replies (well-formed and malformed), the scripted server, and the checks on a resolver.
export { DnsPeer, type Arrival, type Datagram, type DnsScript, type StreamReply } from './dns-peer.ts';
export { encodeReply, withLengthPrefix } from './encode-reply.ts';
export { malformedReply, MALFORMATIONS, type Malformation } from './malformed.ts';
export { expectQuery, expectedQuery } from './expect-query.ts';
export { expectOutput, expectedOutput, canonicalJson, ipv6Text, type Leniency, type PrintedResult } from './expected-output.ts';
export { describeQueryFields, readQueryFields } from './read-query.ts';
export { renderMessage } from './render-message.ts';
export type { PrintedType, RecordSpec, ReplySpec } from './reply-spec.ts';
