/**
 * Values carried in a link's fragment (`#name=…`): the fragment never reaches any server, so a shared
 * link carries what it shows and nothing leaves the browser that opens it. JSON, UTF-8, base64url.
 */
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const fromBase64Url = (text: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

export function fragmentOf(name: string, value: unknown): string {
  return `#${name}=${toBase64Url(JSON.stringify(value))}`;
}

/** The JSON value a fragment carries under `name`, or undefined when it holds none or a broken one. */
export function readFragment(hash: string, name: string): unknown {
  const m = new RegExp(`[#&]${name}=([\\w-]+)`).exec(hash);
  if (!m) return undefined;
  try {
    return JSON.parse(fromBase64Url(m[1]!)) as unknown;
  } catch {
    return undefined;
  }
}
