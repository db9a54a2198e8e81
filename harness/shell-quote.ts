// Writes bytes as a shell command that sends exactly those bytes, for the "reproduce by hand" lines.
import { isUtf8 } from 'node:buffer';

/** A printf format string (in single quotes) that prints exactly `data`. */
export function printfArgument(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const length = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (length > 0 && isUtf8(bytes.subarray(i, i + length))) {
      // Valid UTF-8 stays readable: a shell passes it through as it is.
      out += bytes.subarray(i, i + length).toString('utf8');
      i += length - 1;
    } else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x25) out += '%%';
    else if (b === 0x27) out += "'\\''";
    else if (b === 0x2d && i === 0) out += '\\055'; // a leading '-' would be read as an option of printf
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\' + b.toString(8).padStart(3, '0');
  }
  return `'${out}'`;
}

/** `printf '…'` for data up to `limit` bytes; longer data is cut there, and a trailing comment says so. */
export function printfCommand(data: Uint8Array | string, limit = 600): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  if (bytes.length <= limit) return `printf ${printfArgument(bytes)}`;
  return `printf ${printfArgument(bytes.subarray(0, limit))}  # first ${limit} of ${bytes.length} bytes`;
}

/**
 * `printf '…' | command`: the bytes piped into a command. Data longer than `limit` is cut, and the note says so at
 * the end of the line, where a shell comment cannot swallow the command.
 */
export function printfPipe(data: Uint8Array | string, command: string, limit = 600): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  if (bytes.length <= limit) return `printf ${printfArgument(bytes)} | ${command}`;
  return `printf ${printfArgument(bytes.subarray(0, limit))} | ${command}   # sends only the first ${limit} of ${bytes.length} bytes`;
}

/** One word of a shell command, quoted only when the shell would otherwise split or expand it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
