// UTF-8 text to and from base64 / base64url, with atob/btoa (present in browsers and Node 20).

export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function textToBase64Url(text: string): string {
  return textToBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64 or base64url (padding optional) to UTF-8 text; null when it is neither or not UTF-8. */
export function base64ToText(input: string, alphabet: 'base64' | 'base64url'): string | null {
  const valid = alphabet === 'base64url' ? /^[A-Za-z0-9_-]+={0,2}$/ : /^[A-Za-z0-9+/]+={0,2}$/;
  if (!valid.test(input)) return null;
  let b64 = input.replace(/=+$/, '');
  if (b64.length % 4 === 1) return null;
  if (alphabet === 'base64url') b64 = b64.replace(/-/g, '+').replace(/_/g, '/');
  b64 += '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
