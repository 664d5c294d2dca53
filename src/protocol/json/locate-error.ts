/**
 * Finds where a JSON text first goes wrong, because JSON.parse messages differ between engines and
 * often give no position. A small iterative scanner (no recursion, so deep nesting is fine) that only
 * runs after JSON.parse has failed.
 */
export interface JsonErrorLocation {
  offset: number;
  message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);

export function locateJsonError(text: string): JsonErrorLocation {
  let i = 0;
  const stack: Array<'{' | '['> = [];
  // What may come next: a value, a key (or "}" right after "{"), ":" , "," or the closer.
  let expect: 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after' | 'end' = 'value';
  const fail = (message: string): JsonErrorLocation => ({ offset: i, message });
  const skipWs = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const readString = (): JsonErrorLocation | null => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('invalid \\u escape in a string');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fail(`invalid escape "\\${e ?? ''}" in a string`);
        i += 2;
        continue;
      }
      if (c < ' ')
        return fail(
          c === '\n' ? 'unterminated string (a raw line break inside quotes)' : 'control character inside a string',
        );
      i++;
    }
    i = start;
    return fail('unterminated string');
  };
  for (;;) {
    skipWs();
    if (i >= text.length) {
      if (expect === 'end') return fail('JSON.parse failed, but no syntax error was found');
      return fail(
        stack.length
          ? `unexpected end of input: ${stack.length} unclosed ${stack[stack.length - 1] === '{' ? 'object' : 'array'}${stack.length > 1 ? 's' : ''}`
          : 'unexpected end of input: no value',
      );
    }
    const c = text[i]!;
    if (expect === 'end') return fail(`unexpected ${describe(c)} after the end of the JSON value`);
    if (expect === 'colon') {
      if (c !== ':') return fail(`expected ":" after the key, found ${describe(c)}`);
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
        continue;
      }
      if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        i++;
        stack.pop();
        expect = stack.length ? 'after' : 'end';
        continue;
      }
      return fail(`expected "," or "${top === '{' ? '}' : ']'}", found ${describe(c)}`);
    }
    if (expect === 'key' || expect === 'first-key') {
      if (c === '}' && expect === 'first-key') {
        i++;
        stack.pop();
        expect = stack.length ? 'after' : 'end';
        continue;
      }
      if (c !== '"')
        return fail(
          expect === 'key' && c === '}'
            ? 'trailing comma before "}"'
            : `expected a property name in double quotes, found ${describe(c)}`,
        );
      const err = readString();
      if (err) return err;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === ']' && expect === 'first-value') {
      i++;
      stack.pop();
      expect = stack.length ? 'after' : 'end';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'first-key' : 'first-value';
      continue;
    }
    if (c === '"') {
      const err = readString();
      if (err) return err;
    } else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m)
        return fail(c === ']' ? 'trailing comma before "]"' : `unexpected ${describe(c)} where a value should be`);
      i += m[0].length;
    }
    expect = stack.length ? 'after' : 'end';
  }
}

function describe(c: string): string {
  if (c === "'") return 'single quote (JSON strings use double quotes)';
  return `"${c}"`;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
