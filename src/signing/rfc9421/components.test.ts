import { describe, expect, it } from 'vitest';
import { componentValue, parseComponents } from './components.ts';
import type { HttpRequestInput } from '../message.ts';

// RFC 9421 §2.1 example fields.
const request: HttpRequestInput = {
  method: 'GET',
  url: 'https://www.example.com/path?param=value',
  headers: [
    ['Host', 'www.example.com'],
    ['X-OWS-Header', '   Leading and trailing whitespace.   '],
    ['X-Obs-Fold-Header', 'Obsolete\n    line folding.'],
    ['Cache-Control', 'max-age=60'],
    ['Cache-Control', '   must-revalidate'],
    ['Example-Dict', ' a=1,    b=2;x=1;y=2,   c=(a   b   c)'],
    ['X-Empty-Header', ''],
  ],
};

function value(component: string, message = request): string {
  const ids = parseComponents(component);
  if (!ids.ok) throw new Error(ids.error.message);
  const v = componentValue(ids.value[0]!, message);
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

describe('RFC 9421 §2.1 field values', () => {
  it('trims, unfolds and combines repeated fields with ", "', () => {
    expect(value('"x-ows-header"')).toBe('Leading and trailing whitespace.');
    expect(value('"x-obs-fold-header"')).toBe('Obsolete line folding.');
    expect(value('"cache-control"')).toBe('max-age=60, must-revalidate');
    expect(value('"example-dict"')).toBe('a=1,    b=2;x=1;y=2,   c=(a   b   c)');
    expect(value('"x-empty-header"')).toBe('');
  });

  it('sf re-serialises strictly, key picks a Dictionary member', () => {
    expect(value('"example-dict";sf')).toBe('a=1, b=2;x=1;y=2, c=(a b c)');
    const dict = {
      ...request,
      headers: [['Example-Dict', ' a=1, b=2;x=1;y=2, c=(a   b    c), d']] as Array<[string, string]>,
    };
    expect(value('"example-dict";key="a"', dict)).toBe('1');
    expect(value('"example-dict";key="d"', dict)).toBe('?1');
    expect(value('"example-dict";key="b"', dict)).toBe('2;x=1;y=2');
    expect(value('"example-dict";key="c"', dict)).toBe('(a b c)');
  });

  it('bs wraps each field line as a byte sequence', () => {
    const two = {
      ...request,
      headers: [
        ['Example-Header', 'value, with, lots'],
        ['Example-Header', 'of, commas'],
      ] as Array<[string, string]>,
    };
    expect(value('"example-header";bs', two)).toBe(':dmFsdWUsIHdpdGgsIGxvdHM=:, :b2YsIGNvbW1hcw==:');
    const one = {
      ...request,
      headers: [['Example-Header', 'value, with, lots, of, commas']] as Array<[string, string]>,
    };
    expect(value('"example-header";bs', one)).toBe(':dmFsdWUsIHdpdGgsIGxvdHMsIG9mLCBjb21tYXM=:');
  });
});

describe('RFC 9421 §2.2 derived components', () => {
  const post: HttpRequestInput = {
    method: 'POST',
    url: 'https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman',
    headers: {},
  };
  it('derives method, target URI, authority, scheme, request target, path and query', () => {
    expect(value('"@method"', post)).toBe('POST');
    expect(value('"@target-uri"', post)).toBe('https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman');
    expect(value('"@authority"', post)).toBe('www.example.com');
    expect(value('"@scheme"', post)).toBe('https');
    expect(value('"@request-target"', post)).toBe('/path?param=value&foo=bar&baz=bat%2Dman');
    expect(value('"@path"', post)).toBe('/path');
    expect(value('"@query"', post)).toBe('?param=value&foo=bar&baz=bat%2Dman');
    expect(value('"@query"', { ...post, url: 'https://www.example.com/path' })).toBe('?');
    expect(value('"@path"', { ...post, url: 'https://www.example.com' })).toBe('/');
  });

  it('normalises @authority: lower case, default port left out, other ports kept', () => {
    expect(value('"@authority"', { ...post, url: 'https://WWW.Example.COM:443/x' })).toBe('www.example.com');
    expect(value('"@authority"', { ...post, url: 'http://www.example.com:8080/x' })).toBe('www.example.com:8080');
  });

  it('@query-param decodes then re-encodes names and values (space as %20)', () => {
    const q: HttpRequestInput = {
      ...post,
      url: 'https://example.com/parameters?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something&qux=',
    };
    expect(value('"@query-param";name="var"', q)).toBe('this%20is%20a%20big%0Avalue');
    expect(value('"@query-param";name="bar"', q)).toBe('with%20plus%20whitespace');
    expect(value('"@query-param";name="fa%C3%A7ade%22%3A%20"', q)).toBe('something');
    expect(value('"@query-param";name="qux"', q)).toBe('');
  });

  it('refuses what the RFC calls errors, naming the component', () => {
    const bad = (c: string) => {
      const ids = parseComponents(c);
      return ids.ok ? componentValue(ids.value[0]!, post) : ids;
    };
    expect(bad('"@status"')).toMatchObject({ ok: false, error: { code: 'bad-component', where: '"@status"' } });
    expect(bad('"@method";req')).toMatchObject({ ok: false, error: { code: 'bad-component' } });
    expect(bad('"@nope"')).toMatchObject({ ok: false, error: { code: 'unknown-component' } });
    expect(bad('"date"')).toMatchObject({ ok: false, error: { code: 'missing-component', where: '"date"' } });
    expect(bad('"@query-param";name="missing"')).toMatchObject({ ok: false, error: { code: 'missing-component' } });
    expect(bad('"content-type";foo')).toMatchObject({ ok: false, error: { code: 'bad-component' } });
    expect(parseComponents('"@method" "@method"')).toMatchObject({ ok: false, error: { code: 'duplicate-component' } });
    expect(parseComponents('"@method" "unterminated')).toMatchObject({ ok: false, error: { code: 'bad-component' } });
  });

  it('accepts bare names and lists of strings as well as the quoted form', () => {
    const a = parseComponents('@method @Path content-digest');
    const b = parseComponents(['"@method"', '"@path"', '"content-digest"']);
    expect(a.ok && a.value.map((i) => i[0])).toEqual(['@method', '@path', 'content-digest']);
    expect(b.ok && b.value.map((i) => i[0])).toEqual(['@method', '@path', 'content-digest']);
  });
});
