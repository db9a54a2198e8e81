// Request bytes as a client sends them, built in one place so every case writes the same well-formed requests.

export interface RequestOptions {
  /** "1.1" by default. */
  version?: string;
  /** The Host field's value; null leaves it out. "socklab.test" by default for HTTP/1.1, none for HTTP/1.0. */
  host?: string | null;
  /** Further field lines, in order, exactly as written. */
  fields?: Array<[string, string]>;
  /** A body; a Content-Length field is added for it unless `fields` has one. */
  body?: string;
}

/** The bytes of one request, as text (sent UTF-8 encoded; the kit keeps requests ASCII). */
export function request(method: string, target: string, options: RequestOptions = {}): string {
  const version = options.version ?? '1.1';
  const host = options.host === undefined ? (version === '1.0' ? null : 'socklab.test') : options.host;
  const lines = [`${method} ${target} HTTP/${version}`];
  if (host !== null) lines.push(`Host: ${host}`);
  for (const [name, value] of options.fields ?? []) lines.push(`${name}: ${value}`);
  const body = options.body ?? '';
  if (options.body !== undefined && !(options.fields ?? []).some(([name]) => /^content-length$/i.test(name))) {
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export const get = (target: string, options?: RequestOptions) => request('GET', target, options);
export const head = (target: string, options?: RequestOptions) => request('HEAD', target, options);

/** A request written by hand: lines joined by CRLF, ending with the empty line. */
export function rawRequest(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n\r\n`;
}
