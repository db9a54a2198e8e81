// Turns one raw request into the curl command that sends the same request, for "reproduce by hand" lines.

const FIELD = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * `curl --path-as-is -v …` sending the same method, target, version and header fields as `request`, or undefined
 * when curl cannot send it (a malformed request, two Host fields, a binary body): then only the nc line reproduces it.
 */
export function curlCommand(request: Uint8Array, port: number): string | undefined {
  const text = Buffer.from(request).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [line, ...fieldLines] = text.slice(0, end).split('\r\n');
  const body = text.slice(end + 4);
  const parts = /^([A-Z]+) (\/[\x21-\x7e]*) HTTP\/1\.([01])$/.exec(line);
  if (!parts) return undefined;
  const [, method, target, minor] = parts;
  const args = ['curl', '--path-as-is', '-v'];
  if (/[[\]{}]/.test(target)) args.push('-g');
  if (minor === '0') args.push('--http1.0');
  if (method === 'HEAD') args.push('-I');
  else if (method !== 'GET' || body.length > 0) args.push('-X', method);
  let hosts = 0;
  for (const fieldLine of fieldLines) {
    const field = FIELD.exec(fieldLine);
    if (!field || /[\x00-\x1f\x7f-\xff]/.test(field[2])) return undefined;
    if (/^host$/i.test(field[1])) { hosts += 1; continue; }
    if (/^content-length$/i.test(field[1])) continue; // curl counts the body itself
    args.push('-H', shellQuote(`${field[1]}: ${field[2]}`));
  }
  if (hosts > 1) return undefined;
  if (hosts === 0) args.push('-H', shellQuote('Host:')); // curl would add one: an empty -H removes it
  if (body.length > 0) {
    if (/[^\x20-\x7e]/.test(body)) return undefined;
    args.push('--data-binary', shellQuote(body));
  }
  args.push(shellQuote(`http://127.0.0.1:${port}${target}`));
  return args.join(' ');
}
