import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import {
  exportPkcs8Pem,
  exportPrivateJwk,
  exportPublicJwk,
  exportSpkiPem,
  generateKey,
  importJwk,
  importKey,
  thumbprint,
  type GenerateKind,
  type JwkObject,
  type KeyMaterial,
} from '../../src/signing/index.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from '../stored-format.ts';
import { writePrivateFile } from '../private-files.ts';

/** What a key is for: RFC 9421 (published in the JWKS) or draft-cavage (published as the legacy publicKey). */
export type KeyUse = 'rfc9421' | 'cavage';

export interface StoredKey {
  kid: string;
  use: KeyUse;
  /** The one key of its use that signs and is published first. */
  active: boolean;
  createdAt: string;
  material: KeyMaterial;
}

/** The public view of a stored key: what /api/keys lists. */
export interface KeyInfo {
  kid: string;
  use: KeyUse;
  active: boolean;
  createdAt: string;
  kty: string;
  crv?: string;
  alg?: string;
  thumbprint: string;
  publicJwk: JwkObject;
  publicKeyPem?: string;
}

/**
 * keys.json is `{"version": 1, "keys": [...]}`, as it has always been written; a file without a version is read
 * as format 1 too.
 */
export const KEYS_FILE_FORMAT: StoredFormat = { current: 1, migrations: {} };

const keyEntrySchema = z.object({
  kid: z.string(),
  use: z.enum(['rfc9421', 'cavage']),
  active: z.boolean(),
  createdAt: z.string(),
  jwk: z.looseObject({ kty: z.string() }),
});

interface KeyFile {
  version: number;
  keys: { kid: string; use: KeyUse; active: boolean; createdAt: string; jwk: JwkObject }[];
}

export class KeyStoreError extends Error {}

const DEFAULT_KIND: Record<KeyUse, GenerateKind> = { rfc9421: 'ed25519', cavage: 'rsa-v1_5-sha256' };

/**
 * The console's own signing keys, in `<data dir>/keys.json` (mode 0600, never logged). On first start
 * it makes an Ed25519 key for RFC 9421 and an RSA-2048 key for draft-cavage and the legacy publicKey.
 */
export class KeyStore {
  private keys: StoredKey[] = [];

  private constructor(
    private readonly file: string | undefined,
    private readonly kidPrefix: string,
  ) {}

  /** Opens (or creates) the store. `dir` undefined keeps keys in memory only (tests). */
  static async open(dir: string | undefined, options: { kidPrefix: string }): Promise<KeyStore> {
    const store = new KeyStore(dir ? join(dir, 'keys.json') : undefined, options.kidPrefix);
    if (store.file && existsSync(store.file)) store.load();
    for (const use of ['rfc9421', 'cavage'] as const) {
      if (!store.keys.some((k) => k.use === use)) await store.generate(use);
    }
    return store;
  }

  /**
   * Reads keys.json. Anything it cannot read (the file, or any one key) stops the store with a KeyStoreError
   * that says what and how many: the console's identity is never replaced by new keys behind the user's back,
   * and the file is not touched.
   */
  private load(): void {
    const refuse = (why: string) =>
      new KeyStoreError(
        `The key file ${this.file} cannot be read: ${why}. The console has no keys until it is fixed or moved away (new keys are then made).`,
      );
    const json = parseStoredJson(readFileSync(this.file!, 'utf8'));
    const upgraded = json.ok ? upgrade(KEYS_FILE_FORMAT, json.value) : json;
    if (!upgraded.ok) throw refuse(upgraded.error);
    const entries = upgraded.value.keys;
    if (!Array.isArray(entries)) throw refuse('it has no list of keys');
    const errors: string[] = [];
    entries.forEach((value, i) => {
      const entry = z.safeParse(keyEntrySchema, value);
      if (!entry.success) return void errors.push(`key ${i + 1}: ${describeIssue(entry.error.issues)}`);
      const material = importJwk(entry.data.jwk as JwkObject);
      if (!material.ok) return void errors.push(`key ${entry.data.kid}: ${material.error.message}`);
      material.value.kid = entry.data.kid;
      const { kid, use, active, createdAt } = entry.data;
      this.keys.push({ kid, use, active, createdAt, material: material.value });
    });
    if (errors.length) throw refuse(`${errors.length} of ${entries.length} keys are unreadable (${errors[0]})`);
  }

  private save(): void {
    if (!this.file) return;
    const data: KeyFile = {
      version: KEYS_FILE_FORMAT.current,
      keys: this.keys.map((k) => ({
        kid: k.kid,
        use: k.use,
        active: k.active,
        createdAt: k.createdAt,
        jwk: exportPrivateJwk(k.material),
      })),
    };
    // Written whole then renamed, so a crash never leaves half a key file.
    writePrivateFile(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  private add(material: KeyMaterial, use: KeyUse, kid: string): StoredKey {
    if (this.keys.some((k) => k.kid === kid)) throw new KeyStoreError(`A key with kid ${kid} already exists.`);
    material.kid = kid;
    const hasActive = this.keys.some((k) => k.use === use && k.active);
    const key: StoredKey = { kid, use, active: !hasActive, createdAt: new Date().toISOString(), material };
    this.keys.push(key);
    this.save();
    return key;
  }

  /** Makes a new key for a use (Ed25519 / P-256 / RSA…); the first of its use becomes active. */
  async generate(use: KeyUse, kind: GenerateKind = DEFAULT_KIND[use]): Promise<StoredKey> {
    if (kind === 'hmac-sha256') throw new KeyStoreError('OCM forbids HMAC keys: they cannot be published.');
    if (use === 'cavage' && !kind.startsWith('rsa'))
      throw new KeyStoreError('draft-cavage keys are RSA (rsa-sha256), as Nextcloud uses them.');
    const material = await generateKey(kind);
    const tp = await thumbprint(material);
    return this.add(material, use, `${this.kidPrefix}#${kind}-${tp.slice(0, 8)}`);
  }

  /** Imports a private key (PEM or JWK). Its kid is the one given, the JWK's, or a new one. */
  async import(text: string, use: KeyUse, kid?: string): Promise<StoredKey> {
    const material = await importKey(text);
    if (!material.ok) throw new KeyStoreError(material.error.message);
    if (material.value.kty === 'oct') throw new KeyStoreError('OCM forbids HMAC keys: they cannot be published.');
    if (material.value.type !== 'private')
      throw new KeyStoreError('Import a private key: the console signs with it (its public part is published).');
    if (use === 'cavage' && material.value.kty !== 'RSA') throw new KeyStoreError('draft-cavage keys are RSA keys.');
    const tp = await thumbprint(material.value);
    return this.add(material.value, use, kid ?? material.value.kid ?? `${this.kidPrefix}#imported-${tp.slice(0, 8)}`);
  }

  /** Makes a new key of the same kind active for `use`; the old one stays published until deleted. */
  async rotate(use: KeyUse): Promise<StoredKey> {
    const current = this.active(use);
    const kind: GenerateKind =
      current.material.alg && current.material.alg !== 'hmac-sha256' ? current.material.alg : DEFAULT_KIND[use];
    const next = await this.generate(use, kind);
    for (const k of this.keys) if (k.use === use) k.active = k.kid === next.kid;
    this.save();
    return next;
  }

  delete(kid: string): void {
    const key = this.keys.find((k) => k.kid === kid);
    if (!key) throw new KeyStoreError(`No key ${kid}.`);
    if (key.active) throw new KeyStoreError(`Key ${kid} is the active ${key.use} key: rotate first, then delete it.`);
    this.keys = this.keys.filter((k) => k !== key);
    this.save();
  }

  active(use: KeyUse): StoredKey {
    const key = this.keys.find((k) => k.use === use && k.active) ?? this.keys.find((k) => k.use === use);
    if (!key) throw new KeyStoreError(`No ${use} key.`);
    return key;
  }

  get(kid: string): StoredKey | undefined {
    return this.keys.find((k) => k.kid === kid);
  }

  all(): StoredKey[] {
    return [...this.keys];
  }

  /** The JWKS to publish: every RFC 9421 key (active first), public parts only. */
  jwks(): { keys: JwkObject[] } {
    const keys = this.keys.filter((k) => k.use === 'rfc9421').sort((a, b) => Number(b.active) - Number(a.active));
    return { keys: keys.map((k) => exportPublicJwk(k.material)) };
  }

  async info(key: StoredKey): Promise<KeyInfo> {
    const pem = key.material.kty === 'RSA' ? await exportSpkiPem(key.material) : undefined;
    return {
      kid: key.kid,
      use: key.use,
      active: key.active,
      createdAt: key.createdAt,
      kty: key.material.kty,
      ...(key.material.crv ? { crv: key.material.crv } : {}),
      ...(key.material.alg ? { alg: key.material.alg } : {}),
      thumbprint: await thumbprint(key.material),
      publicJwk: exportPublicJwk(key.material),
      ...(pem?.ok ? { publicKeyPem: pem.value } : {}),
    };
  }

  /** The private key as PKCS#8 PEM: only for an explicit, confirmed export. */
  async exportPrivatePem(kid: string): Promise<string> {
    const key = this.get(kid);
    if (!key) throw new KeyStoreError(`No key ${kid}.`);
    const pem = await exportPkcs8Pem(key.material);
    if (!pem.ok) throw new KeyStoreError(pem.error.message);
    return pem.value;
  }
}
