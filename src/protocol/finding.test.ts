import { describe, expect, it } from 'vitest';
import { findingSchema } from '../contract/finding.ts';
import { toWireFinding } from './finding.ts';
import { lint } from './lint/engine.ts';

describe('toWireFinding', () => {
  it('sends a lint finding with its spec section by title and link, in the one wire shape', () => {
    const [finding] = lint('discovery', { enabled: 'yes' }).findings;
    const wire = toWireFinding(finding!);
    expect(findingSchema.parse(wire)).toEqual(wire);
    expect(wire).toMatchObject({ severity: finding!.severity, path: finding!.path, code: finding!.code });
    expect(wire.specRef?.url).toBe(finding!.specRef.url);
    expect(wire.specRef?.section).not.toBe(finding!.specRef.section);
  });
  it('leaves out a hint the finding does not have', () => {
    const wire = toWireFinding({
      severity: 'info',
      path: '/x',
      code: 'c',
      message: 'm',
      specRef: { section: 'discovery', url: 'u' },
    });
    expect(wire).toEqual({
      severity: 'info',
      path: '/x',
      code: 'c',
      message: 'm',
      specRef: { section: 'Discovery', url: 'u' },
    });
  });
});
