// One response read by the grader, with the checks a case makes on it; each failed check explains itself with the
// raw request, the raw head and a caret.
import type { GradingFailure } from '../failure.ts';
import type { HttpProblem } from './http-failure.ts';
import { fieldValues, findField, type HttpResponse } from './response-parser.ts';

/** What a check says when it fails: the case's advice. */
export interface CheckOptions { hint?: string; what?: string }

/** Where an answer came from, as far as its checks need: the connection's failure, with its reproduction lines. */
export interface AnswerSource { failure(problem: HttpProblem): GradingFailure }

/** A response together with the request it answers and the connection it came on. */
export class HttpAnswer {
  constructor(readonly connection: AnswerSource, readonly request: Buffer, readonly response: HttpResponse) {}

  get status(): number {
    return this.response.status;
  }

  get body(): Buffer {
    return this.response.body;
  }

  /** The request line, as a short name for the request in a summary. */
  get requestLine(): string {
    const text = this.request.toString('latin1');
    const end = text.search(/\r?\n/);
    return JSON.stringify(end < 0 ? text.slice(0, 80) : text.slice(0, Math.min(end, 80)));
  }

  /** All values of a field (case-insensitive name), and the first one. */
  values(name: string): string[] {
    return fieldValues(this.response, name);
  }

  field(name: string): string | undefined {
    return this.values(name)[0];
  }

  /** Throws a failure about this answer; the caret goes under `at` in the head when given. */
  fail(problem: Omit<HttpProblem, 'request'> & { what?: string }): never {
    const { what, ...rest } = problem;
    throw this.connection.failure({
      head: this.response.head,
      ...rest,
      summary: what ? `${what}: ${rest.summary}` : rest.summary,
      request: this.request,
    });
  }

  /** The status code must be one of `allowed` (several when the contract or the RFC allows several). */
  expectStatus(allowed: number | number[], options: CheckOptions = {}): void {
    const codes = Array.isArray(allowed) ? allowed : [allowed];
    if (codes.includes(this.status)) return;
    const wanted = codes.length === 1 ? String(codes[0]) : `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
    this.fail({
      what: options.what,
      summary: `${this.requestLine} was answered ${this.status}; expected ${wanted}`,
      at: 'HTTP/1.1 '.length,
      note: `expected ${wanted}`,
      hint: options.hint,
    });
  }

  /** A field must be present and its value pass `test`; `wanted` says in words what was expected. */
  expectField(name: string, test: (value: string) => boolean, wanted: string, options: CheckOptions = {}): string {
    const line = findField(this.response, name);
    if (!line) {
      this.fail({
        what: options.what,
        summary: `the answer to ${this.requestLine} has no ${name} header field; expected ${wanted}`,
        at: this.response.head.length - 2,
        note: `no ${name}: expected ${wanted}`,
        hint: options.hint,
      });
    }
    if (!test(line.value)) {
      this.fail({
        what: options.what,
        summary: `the answer to ${this.requestLine} has ${line.name}: ${JSON.stringify(line.value)}; expected ${wanted}`,
        at: line.at + line.name.length + 1,
        note: `expected ${wanted}`,
        hint: options.hint,
      });
    }
    return line.value;
  }

  /** The body must be exactly `expected`, byte for byte. */
  expectBody(expected: Uint8Array, options: CheckOptions = {}): void {
    if (Buffer.from(expected).equals(this.body)) return;
    this.fail({
      what: options.what,
      summary: `the body of the answer to ${this.requestLine} differs from the file (${this.body.length} bytes received, ${expected.length} expected)`,
      expected,
      received: this.body,
      hint: options.hint,
    });
  }
}
