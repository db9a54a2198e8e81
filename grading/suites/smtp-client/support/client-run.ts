// Runs one client case: the case's mail server (from peers.ts), then the student's client with the case's mail.
import {
  awaitFirstSign, GradingFailure, printfPipe, timeout, type CaseContext, type RunningProgram, type StartedPeer,
} from '../../../../harness/index.ts';
import type { SmtpPlan, SmtpRecord } from '../../../../harness/smtp/index.ts';
import { mailArgs, type Mail } from './mail-inputs.ts';
import { peers } from './peers.ts';

/** One run of the client against the case's server, with the lines that reproduce it by hand. */
export interface ClientRun {
  peer: StartedPeer<SmtpPlan>;
  plan: SmtpPlan;
  program: RunningProgram;
  mail: Mail;
  repro: string[];
}

/** The lines a student types to replay a case: the grader's server of this case, then the client with this mail. */
export function clientRepro(t: CaseContext, port: number, mail: Mail): string[] {
  return [
    `${t.serveCommand(port)}   # in one terminal: this case's mail server, printing the dialogue`,
    printfPipe(mail.body, t.runCommand('client', ['--port', port, ...mailArgs(mail)])),
  ];
}

/** Starts the case's server and the client; the client runs on while the case judges. */
export async function runMail(t: CaseContext, mail: Mail): Promise<ClientRun> {
  const peer = await t.peer(peers);
  t.transcript.note(`the grader's server ${peer.plan.about}`);
  const { program } = await t.start('client', { vars: { port: peer.port }, args: mailArgs(mail), stdin: mail.body });
  const repro = clientRepro(t, peer.port, mail);
  // Every deadline of the case counts from the client's connection (or its exit, when it never connects).
  await awaitFirstSign(program, () => peer.plan.sessions.length > 0, 'connected', repro);
  return { peer, plan: peer.plan, program, mail, repro };
}

/** The server's record of the client's session, once the client has exited and the server has seen it all. */
export async function sessionOf(run: ClientRun): Promise<SmtpRecord> {
  await run.peer.tcp?.settled(timeout('reply'));
  const [error] = run.peer.tcp?.sessionErrors ?? [];
  if (error) throw new Error(`kit error: the grader's mail server broke: ${error.stack ?? error.message}`);
  const session = run.plan.sessions[0];
  if (session) return session;
  throw new GradingFailure({
    summary: 'your client never connected to the grader\'s mail server',
    hint: 'Connect with net.connect({ host, port }) to the --host and --port it was given (Python:\n' +
      'socket.create_connection((host, port))).',
    repro: run.repro,
  });
}
