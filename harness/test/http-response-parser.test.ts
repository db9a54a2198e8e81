// The grader's HTTP response reader: byte-exact framing, and a position for the caret when a response is invalid.
import { describe, expect, test } from 'vitest';
import { parseResponse } from '../http/response-parser.ts';
import { curlCommand } from '../http/curl-command.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('parseResponse', () => {
  test('frames a body by Content-Length and leaves the next response', () => {
    const out = parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1'), 'GET', false);
    expect(out.state).toBe('complete');
    if (out.state !== 'complete') return;
    expect(out.response.body.toString()).toBe('hello');
    expect(out.length).toBe(43);
    expect(out.response.fields[0]).toEqual({ name: 'Content-Length', value: '5', at: 17 });
  });

  test('waits for the rest of a body, and for the end of a head', () => {
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel'), 'GET', false).state).toBe('incomplete');
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Le'), 'GET', false).state).toBe('incomplete');
  });

  test('HEAD and 304 answers end with their head whatever Content-Length says', () => {
    for (const [method, status] of [['HEAD', 200], ['GET', 304]] as const) {
      const out = parseResponse(bytes(`HTTP/1.1 ${status} X\r\nContent-Length: 5\r\n\r\nhello`), method, false);
      expect(out.state === 'complete' && out.length).toBe(37);
    }
  });

  test('decodes a chunked body; reads a body without length up to the close', () => {
    const chunked = parseResponse(bytes('HTTP/1.1 404 No\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n'), 'GET', false);
    expect(chunked.state === 'complete' && chunked.response.body.toString()).toBe('abcde');
    expect(parseResponse(bytes('HTTP/1.1 404 No\r\n\r\nbye'), 'GET', false).state).toBe('incomplete');
    const closed = parseResponse(bytes('HTTP/1.1 404 No\r\n\r\nbye'), 'GET', true);
    expect(closed.state === 'complete' && closed.response.framing).toBe('close');
  });

  test('forgives a bare LF as a recipient may (RFC 9112 §2.2), and says where it was', () => {
    const out = parseResponse(bytes('HTTP/1.1 200 OK\nContent-Length: 2\r\n\nhi'), 'GET', false);
    expect(out.state === 'complete' && out.response.body.toString()).toBe('hi');
    expect(out.state === 'complete' && out.response.bareLineFeeds).toEqual([15, 35]);
    const strict = parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'), 'GET', false);
    expect(strict.state === 'complete' && strict.response.bareLineFeeds).toEqual([]);
  });

  test('points at what is invalid: garbage, a bare CR, a space before the colon, a bad length', () => {
    const at = (text: string) => { const out = parseResponse(bytes(text), 'GET', false); return out.state === 'invalid' ? out.at : -1; };
    expect(at('hello')).toBe(0);
    expect(at('HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n')).toBe(15);
    expect(at('HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n')).toBe(31); // the space
    expect(at('HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n')).toBe(17);
    expect(at('HTTP/1.1 OK\r\n\r\n')).toBe(0);
  });
});

describe('curlCommand', () => {
  test('sends the same method, target, version and fields', () => {
    expect(curlCommand(bytes('HEAD /a%20b.txt HTTP/1.0\r\nIf-Modified-Since: Sun, 05 Nov 2023 08:49:37 GMT\r\n\r\n'), 8080))
      .toBe("curl --path-as-is -v --http1.0 -I -H 'If-Modified-Since: Sun, 05 Nov 2023 08:49:37 GMT' -H Host: http://127.0.0.1:8080/a%20b.txt");
  });

  test('gives up on what curl cannot send', () => {
    expect(curlCommand(bytes('GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n'), 1)).toBeUndefined();
    expect(curlCommand(bytes('GET /\r\n\r\n'), 1)).toBeUndefined();
  });
});
