// The grader's side of SMTP: a command reader, a scripted session, and the peer plan that serves it for a client case.
export { CommandReader, COMMAND_LINE_LIMIT, TEXT_LINE_LIMIT, type Malformation, type ReceivedMessage } from './command-reader.ts';
export { smtpSession, pathAddress, type SmtpLink } from './session.ts';
export { smtpPlan, smtpTcpSession, type SmtpPlan } from './smtp-plan.ts';
export { DEFAULT_REPLIES, SERVER_NAME, multiline, type ReplyLines, type SmtpRecord, type SmtpScript, type SmtpStep } from './smtp-script.ts';
