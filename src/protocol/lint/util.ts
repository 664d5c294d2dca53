export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export type UrlCheck = { ok: true; url: URL; https: boolean } | { ok: false };

/** An absolute http(s) URL with a host. */
export function checkHttpUrl(text: string): UrlCheck {
  if (!/^https?:\/\//i.test(text)) return { ok: false };
  try {
    const url = new URL(text);
    if (!url.hostname) return { ok: false };
    return { ok: true, url, https: url.protocol === 'https:' };
  } catch {
    return { ok: false };
  }
}

export const quote = (value: unknown): string => JSON.stringify(value);
