import { atLeast } from '../versions.ts';
import type { CheckContext } from './context.ts';
import { checkPublicKeyPem } from './pem.ts';
import { isRecord } from './util.ts';

/** The legacy draft-cavage publicKey and the short-lived publicKeys[]: do the PEMs parse? */
export function checkDiscoveryKeys(ctx: CheckContext): void {
  const { doc, version } = ctx;
  const pk = doc.publicKey;
  if (isRecord(pk)) {
    if (atLeast(version, '1.4'))
      ctx.report(
        'discovery.public-key-removed',
        '/publicKey',
        `publicKey left discovery in 1.4; keep it only for peers that verify draft-cavage signatures (Nextcloud does).`,
      );
    if (typeof pk.publicKeyPem === 'string') {
      const result = checkPublicKeyPem(pk.publicKeyPem);
      if (!result.ok)
        ctx.report(
          'discovery.public-key-pem',
          '/publicKey/publicKeyPem',
          `publicKeyPem does not parse: ${result.error}.`,
          { hint: 'Paste the output of `openssl rsa -pubout` as one JSON string with \\n line breaks.' },
        );
      else if (result.algorithm !== 'rsa')
        ctx.report(
          'discovery.public-key-pem',
          '/publicKey/publicKeyPem',
          `publicKeyPem is an ${result.algorithm} key; draft-cavage peers verify rsa-sha256 only.`,
        );
      else if ((result.rsaBits ?? 0) < 2048)
        ctx.report(
          'discovery.public-key-pem',
          '/publicKey/publicKeyPem',
          `publicKeyPem is a ${result.rsaBits}-bit RSA key; use 2048 bits or more.`,
          { severity: 'warning' },
        );
    }
  }
  if (Array.isArray(doc.publicKeys)) {
    ctx.report(
      'discovery.public-keys-transitional',
      '/publicKeys',
      'publicKeys[] existed only briefly (late 2025) before keys moved to a JWK Set at jwksUri.',
      { hint: atLeast(version, '1.5') ? 'Publish the keys at "jwksUri" instead.' : undefined },
    );
    doc.publicKeys.forEach((entry, i) => {
      if (!isRecord(entry) || typeof entry.publicKeyPem !== 'string') return;
      const result = checkPublicKeyPem(entry.publicKeyPem);
      if (!result.ok)
        ctx.report(
          'discovery.public-key-pem',
          `/publicKeys/${i}/publicKeyPem`,
          `publicKeyPem does not parse: ${result.error}.`,
        );
    });
  }
}
