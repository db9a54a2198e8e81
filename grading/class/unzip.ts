// Unpacks an uploaded zip safely: names that would leave the folder, links and oversized archives are refused.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** Limits on what one submission may unpack to; a student's work is a few source files. */
export const ZIP_LIMITS = { files: 2000, bytes: 50 * 1024 * 1024 };

/** Why a zip could not be used, in words for the student who uploaded it. */
export class BadUpload extends Error {}

/** Extracts `zipFile` into `into`; skips folders of tools (node_modules, .git, __MACOSX). */
export async function extractZip(zipFile: string, into: string): Promise<string[]> {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  try {
    entries = unzipSync(new Uint8Array(await readFile(zipFile)), {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        if (count > ZIP_LIMITS.files || total > ZIP_LIMITS.bytes) throw new BadUpload(`the zip holds more than ${ZIP_LIMITS.files} files or ${ZIP_LIMITS.bytes / 1024 / 1024} MiB`);
        return !/(^|\/)(node_modules|\.git|__MACOSX)(\/|$)/.test(file.name);
      },
    });
  } catch (error) {
    if (error instanceof BadUpload) throw error;
    throw new BadUpload(`${path.basename(zipFile)} is not a zip file that can be read (${(error as Error).message})`);
  }
  const written: string[] = [];
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const normal = path.posix.normalize(name.replace(/\\/g, '/'));
    if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal)) throw new BadUpload(`the zip holds a file outside its folder: ${name}`);
    const file = path.join(into, normal);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
    written.push(normal);
  }
  return written;
}
