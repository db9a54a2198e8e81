// Loads a CommonJS package with require(). Imported from an ES module instead, Node 20 loads it through its ES module
// loader, one file at a time with an export scan of each: mailparser took 0.4 s of CPU that way against 0.2 s, and
// dns-packet 80 ms against 14 ms, esbuild 145 ms against 43 ms, paid again by every test worker before its first case
// (docs/performance.md).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package `name` as require() returns it; type it with the package's own types (`typeof import('name')`). */
export function requireCommonJs<T>(name: string): T {
  return require(name) as T;
}
