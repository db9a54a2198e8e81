// The two scripts Gradescope runs: setup.sh once when the image is built, run_autograder once per submission.

/** Node's version installed by setup.sh: the kit's engines field asks for 20.19 or newer. */
export const NODE_VERSION = '20.19.5';

/**
 * setup.sh for Gradescope's Ubuntu images (run as root, with network): Node from the official tarball, checked
 * against nodejs.org's SHASUMS256.txt, then bubblewrap from Ubuntu, then the kit's packages.
 */
export function setupScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu). Written by socklab gradescope.
set -euo pipefail
NODE_VERSION=${NODE_VERSION}
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl xz-utils bubblewrap netcat-openbsd

# Node from the official tarball, verified against the release's published checksums.
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "setup.sh: no Node build for $(uname -m)" >&2; exit 1 ;;
esac
tarball="node-v$NODE_VERSION-linux-$arch.tar.xz"
cd /tmp
curl -fsSLO "https://nodejs.org/dist/v$NODE_VERSION/$tarball"
curl -fsSLO "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt"
grep " $tarball\\$" SHASUMS256.txt | sha256sum -c -
tar -xJf "$tarball" -C /usr/local --strip-components=1
rm -f "$tarball" SHASUMS256.txt
node --version

# The kit and its packages (the same lock file as the instructor's copy).
cd /autograder/source/socklab
npm ci --no-audit --no-fund
node bin/socklab.js list
`;
}

/**
 * run_autograder: grades /autograder/submission (flat files, exercises/, or a zip of either) into
 * /autograder/results/results.json, and writes a visible "the autograder failed" result whenever anything breaks.
 * SOCKLAB_AUTOGRADER_ROOT replaces /autograder, so the kit's self-test can run it in a folder of its own.
 */
export function runAutograderScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once per submission. Written by socklab gradescope; settings in socklab-autograder.json.
set -uo pipefail
ROOT="\${SOCKLAB_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
RESULTS="$ROOT/results/results.json"
mkdir -p "$ROOT/results"
rm -f "$RESULTS"

fail() {
  # Whatever broke, the student sees one clear result and the instructor sees why (stdout is for instructors only).
  echo "socklab autograder failed: $1"
  cp "$SOURCE/kit-failure.json" "$RESULTS"
  exit 0
}

command -v node >/dev/null || fail "node is not installed (did setup.sh run?)"
settings="$SOURCE/socklab-autograder.json"
seed=$(node -e 'console.log(require(process.argv[1]).seed)' "$settings") || fail "cannot read $settings"
exercises=$(node -e 'console.log(require(process.argv[1]).exercises.map((id) => "--exercise=" + id).join(" "))' "$settings") || fail "cannot read $settings"
sandbox=$(node -e 'console.log(require(process.argv[1]).sandboxOption)' "$settings") || fail "cannot read $settings"

# The student's upload is copied out of the kit's reach first; the kit never runs from the submission folder.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$ROOT/submission/." "$work/" 2>/dev/null || true

cd "$SOURCE/socklab" || fail "the kit is missing from $SOURCE/socklab"
# Its stderr joins stdout, which only instructors see: the reason for a failure (or for grading without the sandbox).
# shellcheck disable=SC2086
node bin/socklab.js grade-submission "$work" $exercises $sandbox --seed "$seed" --format gradescope,text --out "$work/.socklab-report" 2>&1 \\
  || fail "socklab grade-submission exited with status $?"
cat "$work/.socklab-report/report.txt" 2>/dev/null
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (typeof r.score !== "number" || !Array.isArray(r.tests) || r.tests.length === 0) process.exit(1);
' "$work/.socklab-report/results.json" || fail "the report is missing or not valid"
cp "$work/.socklab-report/results.json" "$RESULTS"
`;
}
