import { locateJsonError, lineColumn } from './locate-error.ts';

export interface JsonDocumentError {
  code: 'json.syntax' | 'json.too-large' | 'json.binary';
  message: string;
  /** 1-based; present for syntax errors. */
  line?: number;
  column?: number;
  offset?: number;
}

export type JsonDocumentResult = { ok: true; value: unknown } | { ok: false; error: JsonDocumentError };

/** No OCM payload comes near this; the inbox and relay cap bodies far lower. */
export const MAX_DOCUMENT_CHARS = 1_000_000;

/** Parses a document the user pasted or a peer sent, saying precisely what is wrong and where. */
export function parseJsonDocument(text: string, maxChars = MAX_DOCUMENT_CHARS): JsonDocumentResult {
  if (text.length > maxChars)
    return {
      ok: false,
      error: {
        code: 'json.too-large',
        message: `The document is ${formatSize(text.length)}, more than the ${formatSize(maxChars)} the linter accepts; OCM payloads are a few kilobytes.`,
      },
    };
  const nul = text.indexOf('\u0000');
  if (nul >= 0 || /[\ufffd]{3}/.test(text.slice(0, 4096))) {
    const at = nul >= 0 ? nul : text.indexOf('\ufffd');
    return {
      ok: false,
      error: {
        code: 'json.binary',
        message: `The input looks binary (${nul >= 0 ? 'a NUL byte' : 'bytes that are not UTF-8'} at offset ${at}), not JSON text.`,
        offset: at,
        ...lineColumn(text, at),
      },
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const { offset, message } = locateJsonError(body);
    const { line, column } = lineColumn(body, offset);
    return {
      ok: false,
      error: {
        code: 'json.syntax',
        message: `Not valid JSON at line ${line}, column ${column}: ${message}.`,
        line,
        column,
        offset,
      },
    };
  }
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} kB`;
}
