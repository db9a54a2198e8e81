// The kit's import graph holds its shape: suites reach the harness only through harness/index.ts, the harness never
// reaches into grading/, nothing outside a suite reaches into it, and no file imports itself through a circle.
import path from 'node:path';
import { expect, test } from 'vitest';
import { kitRoot, suitesDir } from '../grader/kit-paths.ts';
import { importCircles, importGraph, importsOf, tsFilesUnder } from './import-graph.ts';

const harnessDir = path.join(kitRoot, 'harness');
const relative = (file: string) => path.relative(kitRoot, file);
const under = (dir: string, file: string) => file.startsWith(dir + path.sep);

const files = ['harness', 'grading', 'bench'].flatMap((dir) => tsFilesUnder(path.join(kitRoot, dir)));

test('the graph is read: relative imports are found and resolved', () => {
  const index = path.join(harnessDir, 'index.ts');
  expect(importsOf(index)).toContain(path.join(harnessDir, 'grading-case.ts'));
  expect(importCircles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
});

// A protocol's folder (harness/smtp/, harness/dns/) has an index that is its public face: a suite may use it too.
const publicFace = (target: string) => target === path.join(harnessDir, 'index.ts')
  || (path.basename(target) === 'index.ts' && path.dirname(path.dirname(target)) === harnessDir);

test('suites import nothing from the harness but harness/index.ts and protocol folders\' index.ts', () => {
  const bypassing = files.filter((file) => under(suitesDir, file))
    .flatMap((file) => importsOf(file).filter((target) => under(harnessDir, target) && !publicFace(target))
      .map((target) => `${relative(file)} imports ${relative(target)}`));
  expect(bypassing).toEqual([]);
});

// The kit's own proofs (harness/test, grading/self-test) may reach anywhere: they test the pieces.
const proofs = [path.join(harnessDir, 'test'), path.join(kitRoot, 'grading', 'self-test')];

test('the harness imports nothing from grading/, and nothing but a suite imports from a suite folder', () => {
  const wrong = files.filter((file) => !proofs.some((dir) => under(dir, file))).flatMap((file) => importsOf(file)
    .filter((target) => (under(harnessDir, file) && under(path.join(kitRoot, 'grading'), target))
      || (under(suitesDir, target) && !under(suitesDir, file)))
    .map((target) => `${relative(file)} imports ${relative(target)}`));
  expect(wrong).toEqual([]);
});

test('no import circles', () => {
  const circles = importCircles(importGraph(files)).map((circle) => circle.map(relative).join(' → '));
  expect(circles).toEqual([]);
});
