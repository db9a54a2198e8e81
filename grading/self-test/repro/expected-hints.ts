// Hints that must appear under the failures they were written for: shown on the chosen mutants' failures, which
// the repro self-test grades anyway, so a hint reworded away (or lost to a generic one) fails a test.

/** Per exercise/mutant/case: phrases the case's failure message must contain. */
export const EXPECTED_HINTS: Array<{ exercise: string; mutant: string; caseId: string; says: string[] }> = [
  // recvfrom(2048): the reply is a correct start of the answer, cut; not "check letter case"
  { exercise: 'udp-uppercase', mutant: 'server-textbook-python', caseId: 'server-largest-datagram', says: ['The reply was cut at 2048 bytes', 'recvfrom(2048)'] },
  // If-Modified-Since read with a general date parser
  { exercise: 'http-server', mutant: 'date-parse', caseId: 'ims-invalid-ignored', says: ['Date.parse (JavaScript)', 'email.utils.parsedate_to_datetime (Python)', 'RFC 9110 §5.6.7', 'ignore anything else'] },
  // a resolver that sent one query and gave up: the retry advice, not "sent nothing" (read before it had sent)
  { exercise: 'dns-resolver', mutant: 'no-retry', caseId: 'retry-after-timeout', says: ['UDP loses datagrams'] },
];
