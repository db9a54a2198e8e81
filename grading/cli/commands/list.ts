// `socklab list`: the exercises, their titles and the programs each one asks for.
import { loadManifests } from '../../grader/load-manifests.ts';
import { parseOptions } from '../options.ts';

export async function listCommand(args: string[]): Promise<number> {
  parseOptions('list', args, {});
  for (const manifest of Object.values(loadManifests())) {
    console.log(`${manifest.id}  ${manifest.title} (textbook ${manifest.textbook.section})`);
    for (const [role, spec] of Object.entries(manifest.roles)) {
      console.log(`  ${role.padEnd(8)} ${spec.kind.padEnd(7)} ${spec.summary ?? ''}`.trimEnd());
    }
  }
  return 0;
}
