// Runs one client case: the case's mail server (from peers.ts), then the student's client with the case's mail.
import { GradingFailure, printfPipe, timeout, type CaseContext } from '../../../../harness/index.ts';
import { Random, caseSeed } from '../../../../harness/random.ts';
import type { RunningProgram } from '../../../../harness/running-program.ts';
import { SmtpPeer, type SmtpRecord } from '../../../../harness/smtp/index.ts';
import { mailArgs, type Mail } from './mail-inputs.ts';
import { peers, type SmtpPlan } from './peers.ts';

/** One run of the client against the case's server, with the lines that reproduce it by hand. */
export interface ClientRun {
  peer: SmtpPeer;
  plan: SmtpPlan;
  program: RunningProgram;
  mail: Mail;
  repro: string[];
}

/** The server's own random stream for a case: the same one `socklab serve --case ID --seed N` draws from. */
export function peerRandom(seed: number, caseId: string): Random {
  return new Random(caseSeed(seed, `${caseId}/peer`));
}

/** The lines a student types to replay a case: the grader's server of this case, then the client with this mail. */
export function clientRepro(t: CaseContext, mail: Mail): string[] {
  return [
    `npx socklab serve smtp-client --case ${t.caseId} --seed ${t.run.seed}   # in one terminal: this case's mail server (it prints its port)`,
    printfPipe(mail.body, t.runCommand('client', ['--port', 'PORT', ...mailArgs(mail)])),
  ];
}

/** Starts the case's server and the client; the client runs on while the case judges. */
export async function runMail(t: CaseContext, mail: Mail, caseId = t.caseId): Promise<ClientRun> {
  const factory = peers.cases[caseId];
  if (!factory) throw new Error(`kit error: no mail server is declared for case ${caseId} in peers.ts`);
  const plan = factory(peerRandom(t.run.seed, caseId));
  const peer = await SmtpPeer.start(t.transcript, plan.script);
  t.defer(() => peer.close());
  t.transcript.note(`the grader's server ${plan.about}`);
  const { program } = await t.start('client', { vars: { port: peer.port }, args: mailArgs(mail), stdin: mail.body });
  return { peer, plan, program, mail, repro: clientRepro(t, mail) };
}

/** The server's record of the client's session, once the client has exited and the server has seen it all. */
export async function sessionOf(run: ClientRun): Promise<SmtpRecord> {
  let timer: NodeJS.Timeout | undefined;
  const bounded = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeout('reply')); });
  await Promise.race([run.peer.settled(), bounded]).finally(() => clearTimeout(timer));
  const session = run.peer.sessions[0];
  if (session) return session;
  throw new GradingFailure({
    summary: 'your client never connected to the grader\'s mail server',
    hint: 'Connect with net.connect({ host, port }) to the --host and --port it was given (Python:\n' +
      'socket.create_connection((host, port))).',
    repro: run.repro,
  });
}
