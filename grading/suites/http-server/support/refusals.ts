// Requests the server must refuse: each on its own connection, answered with one of the allowed statuses.
import type { CaseContext } from '../../../../harness/index.ts';
import { connect } from './exchange.ts';

/** Sends `request` on a new connection and expects a status among `allowed`; returns the connection. */
export async function expectRefusal(t: CaseContext, port: number, request: string, allowed: number[], why: string, hint: string) {
  const connection = await connect(t, port);
  connection.write(request);
  const answer = await connection.read(request, { what: why, hint });
  answer.expectStatus(allowed, { what: why, hint });
  return { connection, answer };
}
