import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { inputsDigest } from './build-inputs.mjs';

describe("the build's inputs digest (npm start rebuilds only when it changes)", () => {
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'build-inputs-'));
    mkdirSync(join(root, 'src', 'app'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'src', 'app', 'main.tsx'), 'export {}');
    return root;
  };

  it('is the same for an unchanged tree, and changes with a source byte, a new file or a renamed one', () => {
    const root = tree();
    const first = inputsDigest(root);
    expect(inputsDigest(root)).toBe(first);
    writeFileSync(join(root, 'src', 'app', 'main.tsx'), 'export {};');
    const edited = inputsDigest(root);
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'src', 'app', 'other.ts'), '');
    expect(inputsDigest(root)).not.toBe(edited);
  });

  it('ignores what is not an input (hidden files, other folders)', () => {
    const root = tree();
    const first = inputsDigest(root);
    writeFileSync(join(root, 'src', '.DS_Store'), 'x');
    mkdirSync(join(root, 'e2e'));
    writeFileSync(join(root, 'e2e', 'a.spec.ts'), 'x');
    expect(inputsDigest(root)).toBe(first);
  });
});
