// The baseline for the http-server bench: Node's own node:http serving the same files with the same header fields,
// so the reference solution's requests per second can be read as a ratio to it.
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, root: { type: 'string' } }, strict: false });
const root = await realpath(String(values.root));

const server = http.createServer(async (request, response) => {
  try {
    const file = await realpath(path.join(root, decodeURIComponent((request.url ?? '/').split('?')[0])));
    const info = await stat(file);
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'Last-Modified': info.mtime.toUTCString(),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { 'Content-Length': 0 }).end();
  }
});
server.keepAliveTimeout = 30_000;
server.listen(Number(values.port), '127.0.0.1');
