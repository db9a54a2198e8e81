// The harness as the suites see it: declare cases, start programs, speak to them, explain failures.
export { exerciseSuite } from './grading-case.ts';
export type { CaseSpec, Level, Visibility } from './case-meta.ts';
export type { CaseContext, Started } from './case-context.ts';
export { GradingFailure, CannotJudge, type FailureDetails } from './failure.ts';
export { expectExit, expectStdout } from './program-expectations.ts';
export { hintFor } from './hints.ts';
export { escapeBytes } from './escape.ts';
export { printfCommand, printfArgument, printfPipe, shellWord } from './shell-quote.ts';
export { timeout, scaled } from './timeouts.ts';
export { sleep, StreamClosed } from './transport/index.ts';
export type {
  DatagramIn, Framing, PeerFactory, PeerOptions, PeerPlan, PeerTable, RecordedStream, SessionInfo, StartedPeer, TcpServerPeer,
  TcpSession, UdpReplier, UdpServerPeer, UdpSession,
} from './transport/index.ts';
