// The environment of the grader's own child processes (the grading network's CLI, the test runner's workers).

/**
 * Drops NODE_EXTRA_CA_CERTS from this process's environment, which its children inherit. Node reads and parses that
 * certificate file at every start (90 ms of CPU on the project's machine, twice a bare start), and the grader's
 * processes never open a TLS connection: they speak to loopback only, inside a network that reaches nothing else.
 * Student programs never get it either (harness/environment.ts).
 */
export function forgetTlsSetup(): void {
  delete process.env.NODE_EXTRA_CA_CERTS;
}
