// No request reads a file outside the root, however it is written (RFC 9110 §17.3). Each case ends by checking
// that the server still serves.
import { exerciseSuite } from '../../../harness/index.ts';
import { ask, expectRefusedTraversal, startServer, stillServes } from './support/exchange.ts';
import { get } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Traversal' });
const site = useSite();

/** Each target in turn on a new connection: refused, nothing leaked; then the server must still serve. */
function traversalCase(id: string, name: string, points: number, targets: string[]) {
  suite.case({ id, level: 'rfc', name, points, reference: 'RFC 9110 §17.3' }, async (t) => {
    const port = await startServer(t, site.root);
    for (const target of targets) expectRefusedTraversal(await ask(t, port, get(target)));
    await stillServes(t, port, 'traversal attempts');
  });
}

// The root is site/ in a temporary folder; secret.txt lies beside it, so one ".." is enough to reach it.
traversalCase('traversal-dot-dot', 'traversal with ".." segments is refused', 3,
  ['/../secret.txt', '/docs/../../secret.txt', '/docs/guide/../../../secret.txt']);
traversalCase('traversal-encoded-dots', 'traversal with "%2e%2e" is refused', 3,
  ['/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/docs/%2e%2e/%2e%2e/secret.txt', '/.%2e/secret.txt']);
traversalCase('traversal-encoded-slash', 'traversal with "%2f" between the dots is refused', 2,
  ['/..%2fsecret.txt', '/docs%2f..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt']);
traversalCase('traversal-absolute-path', 'a path that decodes to an absolute one stays inside the root', 2,
  ['//etc/passwd', '/%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd']);
traversalCase('traversal-nul-byte', 'a NUL byte (%00) in the path is refused, never a crash', 2,
  ['/hello.txt%00.png', '/%00../secret.txt', '/docs%00/']);
traversalCase('traversal-symlink-out', 'a symlink that leads out of the root is not followed out', 3,
  ['/outside-link.txt', '/outside-dir/passwords.txt']);
