import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from './parse-document.ts';
import { findTooDeep } from './depth.ts';

const error = (text: string) => {
  const r = parseJsonDocument(text);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
};

describe('parseJsonDocument', () => {
  it('parses JSON (with a BOM)', () => {
    expect(parseJsonDocument('\ufeff{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });
  it.each([
    ['{"a": 1,}', 1, 9, /trailing comma/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}"/],
    ["{'a': 1}", 1, 2, /single quote/],
    ['{"a": tru}', 1, 7, /where a value should be/],
    ['{"a": "x\ny"}', 1, 9, /raw line break/],
    ['[1, 2', 1, 6, /unclosed array/],
    ['{"a": 1} x', 1, 10, /after the end/],
    ['', 1, 1, /no value/],
    ['{"a" 1}', 1, 6, /expected ":"/],
    ['{"a": "\\x"}', 1, 8, /invalid escape/],
  ])('locates the error in %j at line %i column %i', (text, line, column, message) => {
    const e = error(text);
    expect(e.code).toBe('json.syntax');
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`line ${line}, column ${column}`);
  });
  it('refuses a 5 MB document without parsing it', () => {
    const e = error(`{"x": "${'a'.repeat(5_000_000)}"}`);
    expect(e.code).toBe('json.too-large');
    expect(e.message).toMatch(/5\.0 MB/);
  });
  it('recognises binary input', () => {
    const e = error('PK\u0003\u0004\u0000\u0000binary');
    expect(e.code).toBe('json.binary');
    expect(e.offset).toBe(4);
  });
  it('locates errors in 10,000-deep nesting without overflowing', () => {
    const e = error('['.repeat(10_000) + ']'.repeat(9_999) + '}');
    expect(e.code).toBe('json.syntax');
    expect(e.column).toBe(20_000);
  });
});

describe('findTooDeep', () => {
  it('walks 10,000 levels iteratively and points at the first node past the limit', () => {
    const doc = JSON.parse('{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}');
    expect(findTooDeep(doc, 3)).toBe('/a/0/0');
    expect(findTooDeep({ a: [[1]] }, 3)).toBeNull();
  });
});
