// The mutants whose failures' repro lines the self-test replays: per exercise, a set that between them print every
// shape of repro line the suites produce (each role, each transport, each peer behaviour), not every mutant.

/** Mutant names by exercise; a name that no longer exists fails the self-test, so the list cannot rot silently. */
export const CHOSEN_MUTANTS: Record<string, string[]> = {
  'udp-uppercase': [
    'server-replies-from-new-socket', // nc -u, the reply's source port
    'server-textbook-python', // a 65,507-byte datagram, sent by node, cut by recvfrom(2048)
    'server-replies-to-first-client', // two clients, two nc lines
    'client-cuts-last-character', // serve + printf | client
    'client-waits-forever', // a silent server: the client must give up
    'client-latin1-encoding', // UTF-8 both ways
  ],
  'tcp-uppercase': [
    'server-shares-one-buffer', // two connections at once
    'server-never-closes', // nc -N waiting for a close that never comes
    'server-no-error-handler', // a client resets: is the server still up?
    'server-decodes-each-chunk', // UTF-8 split over writes
    'client-drops-last-line', // serve + printf | client
    'client-ignores-reset', // the grader's server resets
  ],
  'http-server': [
    'head-sends-body', // nc + curl
    'no-505', // a request curl cannot send: nc only
    'content-length-in-characters', // a non-ASCII body
    'crashes-on-bad-escape', // is the server still up?
    'one-read-per-request', // a request written slowly
    'date-parse', // If-Modified-Since
  ],
  'p2p-distribution': ['binary-prefixes', 'missing-file-crashes', 'vague-error-message', 'p2p-missing-aggregate-term'],
  'smtp-client': ['no-dot-stuffing', 'exits-0-on-failure', 'stops-at-first-rejected-recipient', 'no-helo-fallback', 'sends-before-greeting'],
  'dns-resolver': ['no-retry', 'rd-not-set', 'no-tcp-fallback', 'txt-joined', 'pointer-loop-hangs'],
};
