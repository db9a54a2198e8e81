// The record of one case's exchange, shown in the textbook's notation (C: … / S: …).
import { escapeBytes } from './escape.ts';

export type Speaker = 'C' | 'S';

interface Entry { at: number; speaker: Speaker | '--'; text: string }

const MAX_ENTRIES = 60;
const KEEP_FROM_START = 20;
const MAX_LINE = 160;

/** Shows one chunk of protocol data: text lines as they are, anything else escaped. */
function showData(bytes: Uint8Array, stream: boolean): string[] {
  const text = Buffer.from(bytes).toString('utf8');
  const printable = !text.includes('\uFFFD') && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
  if (!printable || bytes.length > 4096) return [escapeBytes(bytes, MAX_LINE)];
  // A datagram is one message, not lines: a newline in it, or a space at its ends, is part of what was sent.
  if (!stream && (/[\r\n\t]|^ | $/.test(text) || text.length > MAX_LINE)) return [escapeBytes(bytes, MAX_LINE)];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  // A raw CR would move a terminal's cursor back over the line; shown as \r, it also tells \r\n from \n.
  const shown = lines
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length} chars)` : line))
    .map((line) => line.replaceAll('\r', '\\r'));
  if (stream && !text.endsWith('\n')) shown[shown.length - 1] += '  (no newline yet)';
  return shown;
}

/** One entry as a line, stamped with milliseconds since the case began. */
function renderEntry(entry: Entry): string {
  const time = `${String(entry.at).padStart(5)}ms`;
  return entry.speaker === '--' ? `${time}  -- ${entry.text}` : `${time}  ${entry.speaker}: ${entry.text}`;
}

/** Collects what each side sent, in order, and renders it for a failure message or a report. */
export class Transcript {
  private readonly entries: Entry[] = [];
  private readonly started = Date.now();
  private dropped = 0;

  /** The first line shown: who C and who S are in this case. */
  legend = '';
  /** Called with each entry's line as it is recorded (`socklab serve` prints the conversation as it happens). */
  onLine: ((line: string) => void) | undefined;

  // The start of an exchange and its end are kept: the end is usually where a failure is.
  private push(speaker: Entry['speaker'], text: string): void {
    const entry = { at: Date.now() - this.started, speaker, text };
    this.entries.push(entry);
    this.onLine?.(renderEntry(entry));
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.splice(KEEP_FROM_START, 1);
      this.dropped += 1;
    }
  }

  /** Data one side sent: part of a byte stream (TCP), or a whole datagram (UDP, where lines mean nothing). */
  data(speaker: Speaker, bytes: Uint8Array | string, label = '', kind: 'stream' | 'datagram' = 'stream'): void {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    if (buffer.length === 0) { this.push(speaker, `${label}(empty)`); return; }
    for (const line of showData(buffer, kind === 'stream')) this.push(speaker, label + line);
  }

  /** Something that is not data: a connection opened or closed, a pause, a reset. */
  note(text: string): void {
    this.push('--', text);
  }

  /** Whether either side sent any data (notes of connections and pauses aside). */
  get hasData(): boolean {
    return this.entries.some((entry) => entry.speaker !== '--');
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** The lines of the transcript, each stamped with milliseconds since the case began. */
  lines(): string[] {
    const out = this.legend ? [this.legend] : [];
    for (const [index, entry] of this.entries.entries()) {
      if (index === KEEP_FROM_START && this.dropped > 0) out.push(`        … ${this.dropped} entries not shown …`);
      out.push(renderEntry(entry));
    }
    return out;
  }
}
