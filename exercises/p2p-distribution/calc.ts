// File distribution time, client-server and P2P: your task. Read README.md first (textbook section 2.5.1).
//
//   npx socklab run p2p-distribution calc -- --file-size 15Gbit --server-upload 30Mbps \
//       --download 2Mbps --upload 700kbps --peers 10,100,1000        runs it by hand
//   npx socklab test p2p-distribution                                 grades it
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

// Unknown options are ignored (strict: false); a missing value shows up as `true` instead of a string.
const { values } = parseArgs({
  options: {
    'file-size': { type: 'string' }, 'server-upload': { type: 'string' }, download: { type: 'string' },
    upload: { type: 'string' }, peers: { type: 'string' }, 'peers-file': { type: 'string' }, table: { type: 'boolean' },
  },
  strict: false,
});

// TODO 1: turn a size such as "15Gbit", "1.5GB" or "250" into bits, and a rate such as "700kbps", "2MB/s" or
//         "300000" into bits per second. Prefixes are decimal (k = 1000, and K means k too); B is a byte, 8 bits.
//         A unit that is not in the README's lists is an error.
// TODO 2: check every value: the size, the server's upload, the download and each peer count must be more than 0;
//         a peer's upload may be 0. On a bad or missing option, print ONE line to stderr that names the option
//         (e.g. "calc: --file-size 0: must be more than 0") and exit with code 2 (process.exitCode = 2).
// TODO 3: with --peers N[,N…] every peer has the same --download and --upload; with --peers-file, read the file
//         (readFile) and take one peer a line, "upload,download": N is the number of peers, d_min the smallest
//         download, Σu the sum of the uploads. Never give both.
// TODO 4: for each N compute D_cs = max(N·F/u_s, F/d_min) and D_p2p = max(F/u_s, F/d_min, N·F/(u_s + Σu)), and
//         name the term that decides each: "server-upload", "client-download" or "aggregate-upload".
//         Your program must answer N = 1,000,000,000 at once: use the formulas, not a loop over the peers.
// TODO 5: print one JSON object to stdout, as README.md shows ({"fileSizeBits", "serverUploadBps", "rows": […]}),
//         or a table a person can read with --table.
void readFile;

// Delete these two lines when you start:
const given = Object.keys(values).join(', ') || 'none';
console.error(`p2p-distribution calc: not written yet (options given: ${given}); see README.md`);
process.exit(1);
