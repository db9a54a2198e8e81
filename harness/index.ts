// The harness as the suites see it: declare cases, start programs, speak to them, explain failures.
export { exerciseSuite } from './grading-case.ts';
export type { CaseSpec, Level, Visibility } from './case-meta.ts';
export type { CaseContext, Started, StartOptions } from './case-api.ts';
export { GradingFailure, CannotJudge, KitError, withFailureContext, type FailureDetails } from './failure.ts';
export { expectExit, expectStdout } from './program-expectations.ts';
export { hintFor } from './hints.ts';
export { escapeBytes } from './escape.ts';
export { printfCommand, printfArgument, printfPipe, shellWord } from './shell-quote.ts';
export { timeout, scaled } from './timeouts.ts';
export { requireCommonJs } from './common-js.ts';
export { awaitFirstSign } from './first-sign.ts';
export { judgeOnTime, GraderLate, TOO_BUSY, type Punctuality } from './punctuality.ts';
export { sleep, StreamClosed } from './transport/index.ts';
export type {
  DatagramIn, Framing, PeerFactory, PeerOptions, PeerPlan, PeerTable, RecordedStream, SessionInfo, StartedPeer, TcpServerPeer,
  TcpSession, UdpReplier, UdpServerPeer, UdpSession,
} from './transport/index.ts';
export { Transcript } from './transcript.ts';
export type { Random } from './random.ts';
export type { ExitStatus, RunningProgram } from './running-program.ts';
export type { TcpConnection, ExpectOptions } from './tcp-connection.ts';
export type { UdpSocket } from './udp-socket.ts';
export { ncLine, type CheckOptions, type HttpAnswer, type HttpConnection, type ReadOptions } from './http/index.ts';
export { SECRET_TEXT, SITE_FILES, SITE_MODIFIED, buildWebRoot, siteFile, type SiteFile, type WebRoot } from './fixtures/web-root.ts';
