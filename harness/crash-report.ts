// Reads a crash out of a program's stderr: the error it died of, and the stack frame in the student's own file,
// which a plain "last 12 lines" would drop behind Node's internal frames.

/** Node ("Error [ERR_X]: …", "TypeError: …", "node:internal … Error: …") and Python ("ValueError: …") headlines. */
const HEADLINE = /^(?:Uncaught )?(?:[A-Z]\w*)?(?:Error|Exception)(?: \[[A-Z0-9_]+\])?: .+|^[A-Z]\w*(?:Error|Exception|Interrupt)\b.*$/;
const PYTHON_TRACEBACK = /^Traceback \(most recent call last\):/;

/** The error a program died of, as its runtime printed it ("Error [ERR_STREAM_WRITE_AFTER_END]: write after end"). */
export function crashHeadline(lines: string[]): string | undefined {
  // Python prints the error last, Node first: take Python's last headline after a traceback, else Node's first.
  const python = lines.findIndex((line) => PYTHON_TRACEBACK.test(line));
  const candidates = lines.map((line) => line.trim()).filter((line) => HEADLINE.test(line));
  if (python >= 0) return lines.slice(python).map((line) => line.trim()).filter((line) => HEADLINE.test(line)).at(-1);
  return candidates[0];
}

/** Whether a stack line points into the student's code: their program file or another file of their folder. */
function isStudentFrame(line: string, markers: string[]): boolean {
  return /^\s*(at |File ")/.test(line) && markers.some((marker) => line.includes(marker));
}

/**
 * The last `count` lines of stderr, with the error's headline and the student's own stack frame kept in front
 * when they would fall outside: a student must see which line of their file crashed.
 */
export function tailKeepingStudentFrame(lines: string[], markers: string[], count: number): string[] {
  if (lines.length <= count) return lines;
  const python = lines.some((line) => PYTHON_TRACEBACK.test(line));
  const frames = lines.map((line, index) => ({ line, index })).filter(({ line }) => isStudentFrame(line, markers));
  // Node: the first frame in the student's code is where their call went wrong; Python: the deepest (last) one,
  // followed by the source line Python prints under it.
  const frame = python ? frames.at(-1) : frames[0];
  const headlineIndex = python ? -1 : lines.findIndex((line) => HEADLINE.test(line.trim()));
  const wanted = [headlineIndex, frame?.index ?? -1, python && frame ? frame.index + 1 : -1].filter((index) => index >= 0);
  // Each line kept in front (and the "…" after them) shortens the tail, which may push a wanted line out of it:
  // shorten until the lines in front are exactly the wanted ones the tail no longer holds.
  let tailLength = count;
  let front: number[] = [];
  for (;;) {
    front = [...new Set(wanted)].filter((index) => index < lines.length - tailLength).sort((a, b) => a - b);
    const length = count - front.length - (front.length > 0 ? 1 : 0);
    if (length === tailLength) break;
    tailLength = length;
  }
  if (front.length === 0) return lines.slice(lines.length - count);
  return [...front.map((index) => lines[index]), '…', ...lines.slice(lines.length - tailLength)];
}
