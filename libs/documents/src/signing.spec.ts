import { createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import {
  base64urlDecode,
  base64urlEncode,
  canonicalJson,
  generateDevelopmentKeyPair,
  keyIdOf,
  LicensePayload,
  loadSigningKey,
  loadVerificationKey,
  publicJwkSet,
  signLicensePayload,
  verificationUrl,
  verifyLicenseToken,
} from './signing';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function replaceAt(text: string, index: number): string {
  const other = ALPHABET[(ALPHABET.indexOf(text[index]) + 1) % ALPHABET.length];
  return text.slice(0, index) + other + text.slice(index + 1);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('keeps Chinese text as UTF-8 and leaves out undefined properties', () => {
    expect(canonicalJson({ 名称: '晋北新材料', creditCode: undefined, validUntil: null })).toBe('{"validUntil":null,"名称":"晋北新材料"}');
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('base64url', () => {
  it('round-trips bytes and text', () => {
    const bytes = Buffer.from([0, 251, 255, 62, 63]);
    expect(base64urlDecode(base64urlEncode(bytes))).toEqual(bytes);
    expect(base64urlDecode(base64urlEncode('营业执照')).toString('utf8')).toBe('营业执照');
    expect(base64urlEncode(Buffer.from([251, 255]))).toBe('-_8');
  });

  it('accepts only the canonical unpadded spelling', () => {
    expect(() => base64urlDecode('-_8=')).toThrow();
    expect(() => base64urlDecode('+/8')).toThrow();
    expect(() => base64urlDecode('-_9')).toThrow(); // same bytes as -_8 in a lax decoder
    expect(() => base64urlDecode('A')).toThrow();
  });
});

describe('licence signatures', () => {
  const { privateKeyPem, publicKeyPem, kid } = generateDevelopmentKeyPair();
  const privateKey = loadSigningKey(privateKeyPem);
  const keys = new Map<string, KeyObject>([[kid, loadVerificationKey(publicKeyPem)]]);
  const payload: LicensePayload = {
    kid,
    number: '91140603MA0L2X7Q3N',
    service: 'business-license',
    holderName: '朔州市平鲁区晋北新材料有限公司',
    creditCode: '91140603MA0L2X7Q3N',
    particulars: { type: '有限责任公司（自然人投资或控股）', legalRepresentative: '刘建海', term: '长期' },
    issuedOn: '2026-11-28',
    validUntil: null,
  };
  const token = signLicensePayload(payload, privateKey);

  it('verifies what it signed and returns the payload', () => {
    expect(verifyLicenseToken(token.d, token.sig, keys)).toEqual({ ok: true, payload });
  });

  it('signs the canonical JSON, so d decodes to sorted UTF-8 JSON', () => {
    const json = base64urlDecode(token.d).toString('utf8');
    expect(json).toBe(canonicalJson(payload));
    expect(verify(null, base64urlDecode(token.d), keys.get(kid)!, base64urlDecode(token.sig))).toBe(true);
  });

  it('is deterministic (Ed25519)', () => {
    expect(signLicensePayload({ ...payload }, privateKey)).toEqual(token);
  });

  it('fails when any one character of d is changed', () => {
    for (let i = 0; i < token.d.length; i++) {
      const result = verifyLicenseToken(replaceAt(token.d, i), token.sig, keys);
      expect({ i, ok: result.ok }).toEqual({ i, ok: false });
    }
  });

  it('fails when any one character of sig is changed', () => {
    for (let i = 0; i < token.sig.length; i++) {
      const result = verifyLicenseToken(token.d, replaceAt(token.sig, i), keys);
      expect({ i, ok: result.ok }).toEqual({ i, ok: false });
    }
  });

  it('fails when a value inside the payload is changed and re-encoded', () => {
    const forged = (change: (p: LicensePayload) => void) => {
      const copy = JSON.parse(base64urlDecode(token.d).toString('utf8')) as LicensePayload;
      change(copy);
      return verifyLicenseToken(base64urlEncode(canonicalJson(copy)), token.sig, keys);
    };
    expect(forged((p) => (p.holderName = '朔州市平鲁区晋北新材料有限公同'))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(forged((p) => (p.particulars.term = '2030年12月31日'))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(forged((p) => (p.validUntil = '2099-12-31'))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('fails for a key id it does not know, and for a known id with another key', () => {
    expect(verifyLicenseToken(token.d, token.sig, new Map())).toEqual({ ok: false, reason: 'unknown-key' });
    const intruder = generateKeyPairSync('ed25519');
    const forged = signLicensePayload(payload, intruder.privateKey);
    expect(verifyLicenseToken(forged.d, forged.sig, keys)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses JSON that is not in canonical form even with a valid signature over it', () => {
    const spaced = Buffer.from(JSON.stringify(payload, null, 1), 'utf8');
    const sig = sign(null, spaced, privateKey).toString('base64url');
    expect(verifyLicenseToken(spaced.toString('base64url'), sig, keys)).toEqual({ ok: false, reason: 'malformed-payload' });
  });

  it.each<[string, unknown, unknown]>([
    ['undefined', undefined, undefined],
    ['null', null, null],
    ['numbers', 1, 2],
    ['objects', {}, []],
    ['empty strings', '', ''],
    ['punctuation', '!!!', '???'],
    ['padding', `${token.d}=`, token.sig],
    ['a huge d', 'A'.repeat(100_000), token.sig],
    ['a short sig', token.d, token.sig.slice(0, 40)],
    ['not JSON', base64urlEncode('营业执照'), token.sig],
    ['a JSON array', base64urlEncode('[1,2]'), token.sig],
    ['JSON null', base64urlEncode('null'), token.sig],
    ['missing fields', base64urlEncode('{"kid":"x"}'), token.sig],
    ['invalid UTF-8', base64urlEncode(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), token.sig],
    ['deep nesting', base64urlEncode('['.repeat(3000) + ']'.repeat(3000)), token.sig],
    ['a wrong date', base64urlEncode(canonicalJson({ ...payload, issuedOn: '28/11/2026' })), token.sig],
  ])('returns a failure for %s without throwing', (_name, d, sig) => {
    let result: ReturnType<typeof verifyLicenseToken> | undefined;
    expect(() => (result = verifyLicenseToken(d, sig, keys))).not.toThrow();
    expect(result?.ok).toBe(false);
  });

  it('refuses to sign a payload it could not verify later', () => {
    expect(() => signLicensePayload({ ...payload, issuedOn: '2026-11-28T00:00:00Z' }, privateKey)).toThrow(TypeError);
    expect(() => signLicensePayload({ ...payload, holderName: '' }, privateKey)).toThrow(TypeError);
    expect(() => signLicensePayload(payload, keys.get(kid)!)).toThrow(TypeError);
  });
});

describe('keys', () => {
  const pair = generateDevelopmentKeyPair();

  it('loads a private key from PEM, from PEM with escaped newlines and from base64 PKCS#8', () => {
    const fromPem = loadSigningKey(pair.privateKeyPem);
    const der = fromPem.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(keyIdOf(loadSigningKey(pair.privateKeyPem.replace(/\n/g, '\\n')))).toBe(pair.kid);
    expect(keyIdOf(loadSigningKey(der))).toBe(pair.kid);
    expect(keyIdOf(fromPem)).toBe(pair.kid);
  });

  it('refuses keys that are not Ed25519 private keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => loadSigningKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/Ed25519/);
    expect(() => loadSigningKey(pair.publicKeyPem)).toThrow();
    expect(() => loadSigningKey('not a key')).toThrow(/signing key/);
  });

  it('derives a short stable key id from the public key', () => {
    const publicKey = loadVerificationKey(pair.publicKeyPem);
    expect(keyIdOf(publicKey)).toBe(pair.kid);
    expect(pair.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(generateDevelopmentKeyPair().kid).not.toBe(pair.kid);
  });

  it('publishes a JWK set that imports back into a working key', () => {
    const publicKey = loadVerificationKey(pair.publicKeyPem);
    const set = publicJwkSet([{ kid: pair.kid, publicKey }]);
    expect(set.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), kid: pair.kid, use: 'sig', alg: 'EdDSA' }]);
    const imported = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: set.keys[0].x }, format: 'jwk' });
    const token = signLicensePayload(
      { kid: pair.kid, number: 'N1', service: 'construction', holderName: 'H', particulars: {}, issuedOn: '2026-01-05', validUntil: '2026-04-05' },
      loadSigningKey(pair.privateKeyPem),
    );
    expect(verifyLicenseToken(token.d, token.sig, new Map([[pair.kid, imported]])).ok).toBe(true);
  });
});

describe('verificationUrl', () => {
  it('puts the number in the path and the token in the query', () => {
    expect(verificationUrl('https://yct.example.gov.cn/', '91140603MA0L2X7Q3N', { d: 'eyJ9', sig: 'c2ln' })).toBe(
      'https://yct.example.gov.cn/verify/91140603MA0L2X7Q3N?d=eyJ9&sig=c2ln',
    );
    expect(verificationUrl('http://localhost:3000', '地字第140603202600001号', { d: 'a', sig: 'b' })).toBe(
      'http://localhost:3000/verify/%E5%9C%B0%E5%AD%97%E7%AC%AC140603202600001%E5%8F%B7?d=a&sig=b',
    );
  });
});
