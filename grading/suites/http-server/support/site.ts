// The web root every case of a suite file serves: built once per file in a temporary folder, removed after.
import { afterAll, beforeAll } from 'vitest';
import { buildWebRoot, KitError, type WebRoot } from '../../../../harness/index.ts';

/** Registers the build and the removal of the site with the file's hooks; read `.root` inside a case. */
export function useSite(): { readonly root: string; readonly secretFile: string } {
  let site: WebRoot | undefined;
  beforeAll(async () => { site = await buildWebRoot(); });
  afterAll(async () => { await site?.dispose(); });
  const built = () => {
    if (!site) throw new KitError('kit error: the web root was not built (useSite() must be called at the top of the file)');
    return site;
  };
  return { get root() { return built().root; }, get secretFile() { return built().secretFile; } };
}
