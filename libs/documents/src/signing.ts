import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';

/** What a licence's QR code vouches for; signed as canonical JSON. */
export type LicensePayload = {
  /** Id of the signing key, looked up in the published key set. */
  kid: string;
  number: string;
  service: string;
  holderName: string;
  creditCode?: string;
  /** The key particulars of the licence, label or field name → value. */
  particulars: Record<string, string>;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD, or null for a licence that does not expire. */
  validUntil: string | null;
};

export type SignedLicenseToken = {
  /** base64url of the payload's canonical JSON */
  d: string;
  /** base64url of the Ed25519 signature over those bytes */
  sig: string;
};

export type LicenseVerificationFailure = 'malformed-token' | 'malformed-payload' | 'unknown-key' | 'bad-signature';

export type LicenseVerification =
  | { ok: true; payload: LicensePayload }
  | { ok: false; reason: LicenseVerificationFailure };

export type Ed25519PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };

/** UTF-8-safe JSON with object keys sorted recursively and no whitespace; undefined properties are left out. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value, '$');
}

function canonicalize(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => canonicalize(item, `${path}[${i}]`)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return canonicalize(withToJson.toJSON(), path);
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalize(record[key], `${path}.${key}`)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${path} is ${typeof value}, which JSON cannot represent`);
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64urlEncode(bytes: Uint8Array | string): string {
  return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64url');
}

/** Strict: refuses padding, foreign characters and encodings that are not the canonical one for their bytes. */
export function base64urlDecode(text: string): Buffer {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) {
    throw new TypeError('not base64url');
  }
  const bytes = Buffer.from(text, 'base64url');
  // Node ignores the unused low bits of the last character; two spellings of one payload must not both pass.
  if (bytes.toString('base64url') !== text) throw new TypeError('not canonical base64url');
  return bytes;
}

export function signLicensePayload(payload: LicensePayload, privateKey: KeyObject): SignedLicenseToken {
  assertEd25519(privateKey, 'private');
  const problem = payloadProblem(payload);
  if (problem) throw new TypeError(`signLicensePayload: ${problem}`);
  const bytes = Buffer.from(canonicalJson(payload), 'utf8');
  return { d: bytes.toString('base64url'), sig: sign(null, bytes, privateKey).toString('base64url') };
}

// A QR code cannot carry more than ~2.3 KB; anything far larger is not one of ours.
const MAX_TOKEN_CHARS = 8192;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Checks a token from a verification URL. Never throws, whatever it is given. */
export function verifyLicenseToken(
  d: unknown,
  sig: unknown,
  publicKeys: ReadonlyMap<string, KeyObject>,
): LicenseVerification {
  try {
    return checkLicenseToken(d, sig, publicKeys);
  } catch {
    return { ok: false, reason: 'malformed-token' };
  }
}

function checkLicenseToken(d: unknown, sig: unknown, publicKeys: ReadonlyMap<string, KeyObject>): LicenseVerification {
  if (typeof d !== 'string' || typeof sig !== 'string' || d.length > MAX_TOKEN_CHARS || sig.length > 128) {
    return { ok: false, reason: 'malformed-token' };
  }
  let bytes: Buffer;
  let signature: Buffer;
  try {
    bytes = base64urlDecode(d);
    signature = base64urlDecode(sig);
  } catch {
    return { ok: false, reason: 'malformed-token' };
  }
  if (signature.length !== 64 || bytes.length === 0) return { ok: false, reason: 'malformed-token' };

  let text: string;
  let parsed: unknown;
  try {
    text = utf8.decode(bytes);
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed-payload' };
  }
  if (payloadProblem(parsed) || canonicalJson(parsed) !== text) return { ok: false, reason: 'malformed-payload' };
  const payload = parsed as LicensePayload;

  const key = publicKeys.get(payload.kid);
  if (!key) return { ok: false, reason: 'unknown-key' };
  try {
    if (!verify(null, bytes, key, signature)) return { ok: false, reason: 'bad-signature' };
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
  return { ok: true, payload };
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function payloadProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'payload is not an object';
  const p = value as Record<string, unknown>;
  for (const key of ['kid', 'number', 'service', 'holderName'] as const) {
    if (typeof p[key] !== 'string' || (p[key] as string).length === 0) return `${key} must be a non-empty string`;
  }
  if (p.creditCode !== undefined && typeof p.creditCode !== 'string') return 'creditCode must be a string';
  const particulars = p.particulars;
  if (typeof particulars !== 'object' || particulars === null || Array.isArray(particulars)) {
    return 'particulars must be an object';
  }
  if (Object.values(particulars).some((v) => typeof v !== 'string')) return 'particulars must map to strings';
  if (typeof p.issuedOn !== 'string' || !ISO_DATE.test(p.issuedOn)) return 'issuedOn must be YYYY-MM-DD';
  if (p.validUntil !== null && (typeof p.validUntil !== 'string' || !ISO_DATE.test(p.validUntil))) {
    return 'validUntil must be YYYY-MM-DD or null';
  }
  return null;
}

function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (!(key instanceof KeyObject) || key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 ${type} key`);
  }
}

// Environment variables often carry PEMs with literal "\n" sequences.
function normalisePem(text: string): string {
  return text.trim().replace(/\\n/g, '\n');
}

/** Loads an Ed25519 private key from PEM, or from base64 of its PKCS#8 DER. */
export function loadSigningKey(text: string): KeyObject {
  const source = normalisePem(text);
  let key: KeyObject;
  try {
    key = source.includes('-----BEGIN')
      ? createPrivateKey(source)
      : createPrivateKey({ key: Buffer.from(source, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new Error(`signing key is neither a PEM nor base64 PKCS#8 private key: ${(error as Error).message}`);
  }
  assertEd25519(key, 'private');
  return key;
}

/** Loads an Ed25519 public key from PEM, or from base64 of its SPKI DER. */
export function loadVerificationKey(text: string): KeyObject {
  const source = normalisePem(text);
  let key: KeyObject;
  try {
    key = source.includes('-----BEGIN')
      ? createPublicKey(source)
      : createPublicKey({ key: Buffer.from(source, 'base64'), format: 'der', type: 'spki' });
  } catch (error) {
    throw new Error(`verification key is neither a PEM nor base64 SPKI public key: ${(error as Error).message}`);
  }
  assertEd25519(key, 'public');
  return key;
}

/** A fresh key pair for development and tests; production keys come from configuration. */
export function generateDevelopmentKeyPair(): { privateKeyPem: string; publicKeyPem: string; kid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    kid: keyIdOf(publicKey),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(publicKey, 'public');
  const { x } = publicKey.export({ format: 'jwk' });
  return Buffer.from(x as string, 'base64url');
}

/** First 16 characters of the base64url SHA-256 of the raw 32-byte public key (a private key gives its public key's id). */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('base64url').slice(0, 16);
}

export function publicJwkSet(keys: ReadonlyArray<{ kid: string; publicKey: KeyObject }>): { keys: Ed25519PublicJwk[] } {
  return {
    keys: keys.map(({ kid, publicKey }) => ({
      kty: 'OKP',
      crv: 'Ed25519',
      x: rawPublicKey(publicKey).toString('base64url'),
      kid,
      use: 'sig',
      alg: 'EdDSA',
    })),
  };
}

/** `<portal>/verify/<number>?d=…&sig=…`; base64url needs no further escaping. */
export function verificationUrl(portalBaseUrl: string, number: string, token: SignedLicenseToken): string {
  const base = portalBaseUrl.replace(/\/+$/, '');
  return `${base}/verify/${encodeURIComponent(number)}?d=${token.d}&sig=${token.sig}`;
}
