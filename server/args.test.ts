import { describe, expect, it } from 'vitest';
import { ArgumentError, parseArgv } from './args.ts';

const spec = { '--port': 'value', '--public': 'boolean', '--allowed-host': 'list', '--json': 'boolean' } as const;

describe('parseArgv', () => {
  it('reads valued, boolean and list options in both spellings', () => {
    const parsed = parseArgv(
      ['--port', '9000', '--public=0', '--allowed-host', 'a.example, b.example', '--allowed-host=c.example', '--json'],
      spec,
    );
    expect(parsed.values.get('--port')).toBe('9000');
    expect(parsed.flags.get('--public')).toBe(false);
    expect(parsed.flags.get('--json')).toBe(true);
    expect(parsed.lists.get('--allowed-host')).toEqual(['a.example', 'b.example', 'c.example']);
  });

  it('keeps positionals only for commands that take them ("-" is one)', () => {
    expect(parseArgv(['doc.json', '--json', '-'], spec, { positionals: true }).positionals).toEqual(['doc.json', '-']);
    expect(() => parseArgv(['doc.json'], spec)).toThrow('unknown option doc.json');
  });

  it('names an unknown option and a missing value, in the words the caller chooses', () => {
    expect(() => parseArgv(['--colour'], spec)).toThrow(ArgumentError);
    expect(() => parseArgv(['--port'], spec)).toThrow('--port needs a value');
    expect(() => parseArgv(['--port', '--json'], spec)).toThrow('--port needs a value');
    expect(() => parseArgv(['--colour'], spec, { messages: { unknown: (a) => `what is ${a}?` } })).toThrow(
      'what is --colour?',
    );
    expect(() => parseArgv(['--toString'], spec)).toThrow(ArgumentError);
  });
});
