import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';
import { FILE_MODE, tighten, writePrivateFile } from './private-files.ts';

/** The certificate and key the console serves https with, and what a peer needs to trust it. */
export interface TlsMaterial {
  cert: string;
  key: string;
  /** The file a peer must trust (the certificate itself, since it is self-signed). */
  certFile: string;
  keyFile: string;
  /** SHA-256 fingerprint, colon-separated hex, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprint: string;
  /** The DNS names and IP addresses the certificate is valid for. */
  names: string[];
  /** How it was obtained: given by flags, made now, or reused from the data folder. */
  source: 'given' | 'generated' | 'reused';
}

export class TlsSetupError extends Error {}

const CERT_FILE = 'console.crt';
const KEY_FILE = 'console.key';
/** A made certificate is replaced when it has less than this left. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

/**
 * The host names the console answers to: loopback names, the bound interface when it is a real address,
 * the public URL's host and the extra allowed hosts. A made certificate covers all of them.
 */
export function tlsHostNames(options: { host: string; publicUrl?: string; allowedHosts: readonly string[] }): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  const add = (name: string) => {
    const clean = name.replace(/^\[|\]$/g, '').toLowerCase();
    if (clean && !names.includes(clean)) names.push(clean);
  };
  if (options.host !== '0.0.0.0' && options.host !== '::') add(options.host);
  if (options.publicUrl) add(new URL(options.publicUrl).hostname);
  for (const name of options.allowedHosts) add(name);
  return names;
}

/** The names in a certificate's subjectAltName, as plain strings (DNS names and IP addresses). */
function certificateNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, '').toLowerCase())
    .map((name) => (name === '0:0:0:0:0:0:0:1' ? '::1' : name))
    .filter(Boolean);
}

function describe(certPem: string, keyPem: string, files: { certFile: string; keyFile: string }) {
  const cert = new X509Certificate(certPem);
  return { cert: certPem, key: keyPem, ...files, fingerprint: cert.fingerprint256, names: certificateNames(cert) };
}

/**
 * The console's TLS material. With `certFile`/`keyFile` given, those are read (and must belong together).
 * Otherwise a self-signed certificate is kept in `<dataDir>/tls/`: made on first start, reused after, and
 * made again only when it no longer covers the names the console answers to or is about to expire. The
 * key file is written with mode 0600, its folder 0700.
 */
export async function ensureTlsMaterial(options: {
  dataDir: string;
  names: readonly string[];
  certFile?: string;
  keyFile?: string;
  now?: Date;
}): Promise<TlsMaterial> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile)
      throw new TlsSetupError('--tls-cert and --tls-key go together: give both, or neither for a made certificate');
    const certFile = resolve(options.certFile);
    const keyFile = resolve(options.keyFile);
    let certPem: string;
    let keyPem: string;
    try {
      certPem = readFileSync(certFile, 'utf8');
      keyPem = readFileSync(keyFile, 'utf8');
    } catch (err) {
      throw new TlsSetupError(`cannot read the certificate or key: ${(err as Error).message}`);
    }
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(certPem);
    } catch (err) {
      throw new TlsSetupError(`${certFile} is not a PEM certificate (${(err as Error).message})`);
    }
    try {
      if (!cert.checkPrivateKey(createPrivateKey(keyPem)))
        throw new TlsSetupError(`${keyFile} is not the private key of ${certFile}`);
    } catch (err) {
      if (err instanceof TlsSetupError) throw err;
      throw new TlsSetupError(`${keyFile} is not a PEM private key (${(err as Error).message})`);
    }
    return { ...describe(certPem, keyPem, { certFile, keyFile }), source: 'given' };
  }

  const dir = resolve(options.dataDir, 'tls');
  const certFile = join(dir, CERT_FILE);
  const keyFile = join(dir, KEY_FILE);
  const now = options.now ?? new Date();
  if (existsSync(certFile) && existsSync(keyFile)) {
    const certPem = readFileSync(certFile, 'utf8');
    const keyPem = readFileSync(keyFile, 'utf8');
    try {
      const cert = new X509Certificate(certPem);
      const covered = certificateNames(cert);
      const fresh = new Date(cert.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS;
      if (fresh && options.names.every((n) => covered.includes(n.toLowerCase()))) {
        tighten(keyFile, FILE_MODE);
        return { ...describe(certPem, keyPem, { certFile, keyFile }), source: 'reused' };
      }
    } catch {
      // An unreadable certificate is replaced below, like an expired one.
    }
  }

  const made = await generate([{ name: 'commonName', value: options.names[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: options.names.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })),
      },
    ],
  });
  writePrivateFile(keyFile, made.private);
  writeFileSync(certFile, made.cert, { mode: 0o644 });
  return { ...describe(made.cert, made.private, { certFile, keyFile }), source: 'generated' };
}

/** Reads the --extra-ca files (PEM, one or more certificates each) for the outbound client. */
export function readExtraCa(files: readonly string[]): string[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new TlsSetupError(`--extra-ca ${file}: ${(err as Error).message}`);
    }
    if (!/-----BEGIN CERTIFICATE-----/.test(text))
      throw new TlsSetupError(`--extra-ca ${file}: no PEM certificate in it`);
    return text;
  });
}
