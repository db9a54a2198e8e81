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
  const tailStart = lines.length - count;
  const python = lines.some((line) => PYTHON_TRACEBACK.test(line));
  const frames = lines.map((line, index) => ({ line, index })).filter(({ line }) => isStudentFrame(line, markers));
  // Node: the first frame in the student's code is where their call went wrong; Python: the deepest (last) one,
  // followed by the source line Python prints under it.
  const frame = python ? frames.at(-1) : frames[0];
  const headlineIndex = python ? -1 : lines.findIndex((line) => HEADLINE.test(line.trim()));
  const kept: number[] = [];
  if (headlineIndex >= 0 && headlineIndex < tailStart) kept.push(headlineIndex);
  if (frame && frame.index < tailStart) {
    kept.push(frame.index);
    if (python && frame.index + 1 < tailStart) kept.push(frame.index + 1);
  }
  if (kept.length === 0) return lines.slice(tailStart);
  const front = [...new Set(kept)].sort((a, b) => a - b).map((index) => lines[index]);
  return [...front, '…', ...lines.slice(lines.length - (count - front.length - 1))];
}
