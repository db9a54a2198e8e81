// Finding the file a request-target names, without ever leaving the web root (RFC 9110 §17.3).

/** What a target names: a file to send, a redirect to a directory's slash, or an error status. */
export type Lookup =
  | { status: 200; file: string; size: number; modified: Date }
  | { status: 301; location: string }
  | { status: 400 | 403 | 404 };

/** The media type of a file, by its extension. */
export function contentTypeOf(file: string): string {
  // TODO 1: .html text/html, .txt text/plain, .css text/css, .js text/javascript, .json application/json,
  //         .png image/png, .jpg and .jpeg image/jpeg, .gif image/gif, .svg image/svg+xml; anything else
  //         application/octet-stream. (A "; charset=utf-8" parameter on the text types is fine.)
  void file;
  return 'application/octet-stream';
}

/** Looks up a request-target under `root` (a real path). Every way out of the root ends in 403 or 404. */
export async function lookUp(root: string, target: string): Promise<Lookup> {
  // TODO 2: cut the query (from "?"), percent-decode the path once (decodeURIComponent; a URIError is 400; a NUL
  //         byte is 400).
  // TODO 3: join it to the root, then resolve the real path (fs.realpath follows symlinks) and refuse anything
  //         that is not the root or inside it (starts with root + "/"): 403 or 404. A missing file is 404.
  // TODO 4: a folder: without its trailing slash, 301 to the same path plus "/"; with it, its index.html, else 404.
  void root;
  void target;
  return { status: 404 };
}
