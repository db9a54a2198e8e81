// Finding the file a request-target names, without ever leaving the web root (RFC 9110 §17.3).
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a target names: a file to send, a redirect to a directory's slash, or an error status. */
export type Lookup =
  | { status: 200; file: string; size: number; modified: Date }
  | { status: 301; location: string }
  | { status: 400 | 403 | 404 };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** The media type of a file, by its extension. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether `file` is `root` itself or inside it. Both must be real paths (no symlinks left). */
function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/** Looks up a request-target under `root` (a real path). Every way out of the root ends in 403 or 404. */
export async function lookUp(root: string, target: string): Promise<Lookup> {
  const rawPath = target.split('?')[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath); // decoded once: "%252e" stays "%2e"
  } catch {
    return { status: 400 }; // a malformed escape such as "%zz"
  }
  if (decoded.includes('\0')) return { status: 400 };

  // path.join resolves ".." segments, even those that were written "%2e%2e" or joined by "%2f".
  const wanted = path.join(root, decoded);
  if (!isInside(root, wanted)) return { status: 403 };
  const found = await realFileInside(root, wanted);
  if (typeof found === 'number') return { status: found };
  if (found.stats.isDirectory()) {
    if (!rawPath.endsWith('/')) return { status: 301, location: `${rawPath}/` };
    const index = await realFileInside(root, path.join(found.file, 'index.html'));
    if (typeof index === 'number' || !index.stats.isFile()) return { status: 404 };
    return { status: 200, file: index.file, size: index.stats.size, modified: index.stats.mtime };
  }
  if (!found.stats.isFile()) return { status: 404 };
  return { status: 200, file: found.file, size: found.stats.size, modified: found.stats.mtime };
}

/** Follows symlinks to the real file and checks that it is still inside the root. */
async function realFileInside(root: string, file: string) {
  try {
    const real = await realpath(file);
    if (!isInside(root, real)) return 403;
    return { file: real, stats: await stat(real) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? 403 : 404;
  }
}
