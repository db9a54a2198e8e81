// A crash's error and the student's own stack frame survive the cut to a short stderr tail.
import { expect, test } from 'vitest';
import { crashHeadline, tailKeepingStudentFrame } from '../crash-report.ts';

const NODE = `node:events:497
      throw er; // Unhandled 'error' event
      ^

Error [ERR_STREAM_WRITE_AFTER_END]: write after end
    at _write (node:internal/streams/writable:489:11)
    at Writable.write (node:internal/streams/writable:510:10)
    at Socket.<anonymous> (/home/ana/lab/tcp-uppercase/server.ts:11:22)
    at Socket.emit (node:events:519:28)
    at addChunk (node:internal/streams/readable:561:12)
    at readableAddChunkPushByteMode (node:internal/streams/readable:512:3)
    at Readable.push (node:internal/streams/readable:392:5)
    at TCP.onStreamRead (node:internal/stream_base_commons:191:23)
Emitted 'error' event on Socket instance at:
    at emitErrorNT (node:internal/streams/destroy:170:8)
    at emitErrorCloseNT (node:internal/streams/destroy:129:3)
    at process.processTicksAndRejections (node:internal/process/task_queues:90:21) {
  code: 'ERR_STREAM_WRITE_AFTER_END'
}

Node.js v20.20.2`.split('\n');

const PYTHON = `Exception in thread Thread-3 (handle):
Traceback (most recent call last):
  File "/usr/lib/python3.11/threading.py", line 1045, in _bootstrap_inner
    self.run()
  File "/usr/lib/python3.11/threading.py", line 982, in run
    self._target(*self._args, **self._kwargs)
  File "/home/ana/lab/tcp-uppercase/server.py", line 14, in handle
    reply = data.decode().upper()
            ^^^^^^^^^^^^^
  File "/usr/lib/python3.11/encodings/utf_8.py", line 3, in decode
    return codecs.utf_8_decode(input, errors, True)
  File "/usr/lib/python3.11/encodings/utf_8.py", line 9, in decode
    pass
UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`.split('\n');

const markers = (file: string) => [`${file}:`, `${file}", line`, '/home/ana/lab/tcp-uppercase/'];

test('Node: the error and the frame in server.ts are kept in a 12-line tail', () => {
  const tail = tailKeepingStudentFrame(NODE, markers('server.ts'), 12);
  expect(tail).toHaveLength(12);
  expect(tail[0]).toBe('Error [ERR_STREAM_WRITE_AFTER_END]: write after end');
  expect(tail[1]).toContain('server.ts:11:22');
  expect(tail[2]).toBe('…');
  expect(tail.at(-1)).toBe('Node.js v20.20.2');
  expect(crashHeadline(NODE)).toBe('Error [ERR_STREAM_WRITE_AFTER_END]: write after end');
});

test('Python: the deepest frame in server.py and its source line are kept, the error is the last line', () => {
  const tail = tailKeepingStudentFrame(PYTHON, markers('server.py'), 6);
  expect(tail).toHaveLength(6);
  expect(tail[0]).toContain('server.py", line 14, in handle');
  expect(tail[1]).toContain('data.decode().upper()');
  expect(tail.at(-1)).toMatch(/^UnicodeDecodeError/);
  expect(crashHeadline(PYTHON)).toMatch(/^UnicodeDecodeError: 'utf-8' codec/);
});

test('a short stderr is shown whole, and a tail that holds the frame already is left as it is', () => {
  expect(tailKeepingStudentFrame(NODE.slice(0, 5), markers('server.ts'), 12)).toEqual(NODE.slice(0, 5));
  expect(tailKeepingStudentFrame(NODE, markers('server.ts'), 40)).toEqual(NODE);
  expect(tailKeepingStudentFrame(['a', 'b', 'c'], markers('server.ts'), 2)).toEqual(['b', 'c']);
  expect(crashHeadline(['udp-uppercase server: not written yet'])).toBeUndefined();
});
