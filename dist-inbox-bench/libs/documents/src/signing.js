"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.canonicalJson = canonicalJson;
exports.base64urlEncode = base64urlEncode;
exports.base64urlDecode = base64urlDecode;
exports.signLicensePayload = signLicensePayload;
exports.verifyLicenseToken = verifyLicenseToken;
exports.loadSigningKey = loadSigningKey;
exports.loadVerificationKey = loadVerificationKey;
exports.generateDevelopmentKeyPair = generateDevelopmentKeyPair;
exports.keyIdOf = keyIdOf;
exports.publicJwkSet = publicJwkSet;
exports.verificationUrl = verificationUrl;
const node_crypto_1 = require("node:crypto");
function canonicalJson(value) {
    return canonicalize(value, '$');
}
function canonicalize(value, path) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError(`canonicalJson: ${path} is not a finite number`);
        return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
        return `[${value.map((item, i) => canonicalize(item, `${path}[${i}]`)).join(',')}]`;
    }
    if (typeof value === 'object') {
        const withToJson = value;
        if (typeof withToJson.toJSON === 'function')
            return canonicalize(withToJson.toJSON(), path);
        const record = value;
        const members = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalize(record[key], `${path}.${key}`)}`);
        return `{${members.join(',')}}`;
    }
    throw new TypeError(`canonicalJson: ${path} is ${typeof value}, which JSON cannot represent`);
}
const BASE64URL = /^[A-Za-z0-9_-]*$/;
function base64urlEncode(bytes) {
    return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64url');
}
function base64urlDecode(text) {
    if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) {
        throw new TypeError('not base64url');
    }
    const bytes = Buffer.from(text, 'base64url');
    if (bytes.toString('base64url') !== text)
        throw new TypeError('not canonical base64url');
    return bytes;
}
function signLicensePayload(payload, privateKey) {
    assertEd25519(privateKey, 'private');
    const problem = payloadProblem(payload);
    if (problem)
        throw new TypeError(`signLicensePayload: ${problem}`);
    const bytes = Buffer.from(canonicalJson(payload), 'utf8');
    return { d: bytes.toString('base64url'), sig: (0, node_crypto_1.sign)(null, bytes, privateKey).toString('base64url') };
}
const MAX_TOKEN_CHARS = 8192;
const utf8 = new TextDecoder('utf-8', { fatal: true });
function verifyLicenseToken(d, sig, publicKeys) {
    try {
        return checkLicenseToken(d, sig, publicKeys);
    }
    catch {
        return { ok: false, reason: 'malformed-token' };
    }
}
function checkLicenseToken(d, sig, publicKeys) {
    if (typeof d !== 'string' || typeof sig !== 'string' || d.length > MAX_TOKEN_CHARS || sig.length > 128) {
        return { ok: false, reason: 'malformed-token' };
    }
    let bytes;
    let signature;
    try {
        bytes = base64urlDecode(d);
        signature = base64urlDecode(sig);
    }
    catch {
        return { ok: false, reason: 'malformed-token' };
    }
    if (signature.length !== 64 || bytes.length === 0)
        return { ok: false, reason: 'malformed-token' };
    let text;
    let parsed;
    try {
        text = utf8.decode(bytes);
        parsed = JSON.parse(text);
    }
    catch {
        return { ok: false, reason: 'malformed-payload' };
    }
    if (payloadProblem(parsed) || canonicalJson(parsed) !== text)
        return { ok: false, reason: 'malformed-payload' };
    const payload = parsed;
    const key = publicKeys.get(payload.kid);
    if (!key)
        return { ok: false, reason: 'unknown-key' };
    try {
        if (!(0, node_crypto_1.verify)(null, bytes, key, signature))
            return { ok: false, reason: 'bad-signature' };
    }
    catch {
        return { ok: false, reason: 'bad-signature' };
    }
    return { ok: true, payload };
}
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
function payloadProblem(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return 'payload is not an object';
    const p = value;
    for (const key of ['kid', 'number', 'service', 'holderName']) {
        if (typeof p[key] !== 'string' || p[key].length === 0)
            return `${key} must be a non-empty string`;
    }
    if (p.creditCode !== undefined && typeof p.creditCode !== 'string')
        return 'creditCode must be a string';
    const particulars = p.particulars;
    if (typeof particulars !== 'object' || particulars === null || Array.isArray(particulars)) {
        return 'particulars must be an object';
    }
    if (Object.values(particulars).some((v) => typeof v !== 'string'))
        return 'particulars must map to strings';
    if (typeof p.issuedOn !== 'string' || !ISO_DATE.test(p.issuedOn))
        return 'issuedOn must be YYYY-MM-DD';
    if (p.validUntil !== null && (typeof p.validUntil !== 'string' || !ISO_DATE.test(p.validUntil))) {
        return 'validUntil must be YYYY-MM-DD or null';
    }
    return null;
}
function assertEd25519(key, type) {
    if (!(key instanceof node_crypto_1.KeyObject) || key.type !== type || key.asymmetricKeyType !== 'ed25519') {
        throw new TypeError(`expected an Ed25519 ${type} key`);
    }
}
function normalisePem(text) {
    return text.trim().replace(/\\n/g, '\n');
}
function loadSigningKey(text) {
    const source = normalisePem(text);
    let key;
    try {
        key = source.includes('-----BEGIN')
            ? (0, node_crypto_1.createPrivateKey)(source)
            : (0, node_crypto_1.createPrivateKey)({ key: Buffer.from(source, 'base64'), format: 'der', type: 'pkcs8' });
    }
    catch (error) {
        throw new Error(`signing key is neither a PEM nor base64 PKCS#8 private key: ${error.message}`);
    }
    assertEd25519(key, 'private');
    return key;
}
function loadVerificationKey(text) {
    const source = normalisePem(text);
    let key;
    try {
        key = source.includes('-----BEGIN')
            ? (0, node_crypto_1.createPublicKey)(source)
            : (0, node_crypto_1.createPublicKey)({ key: Buffer.from(source, 'base64'), format: 'der', type: 'spki' });
    }
    catch (error) {
        throw new Error(`verification key is neither a PEM nor base64 SPKI public key: ${error.message}`);
    }
    assertEd25519(key, 'public');
    return key;
}
function generateDevelopmentKeyPair() {
    const { privateKey, publicKey } = (0, node_crypto_1.generateKeyPairSync)('ed25519');
    return {
        privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        kid: keyIdOf(publicKey),
    };
}
function rawPublicKey(key) {
    const publicKey = key.type === 'private' ? (0, node_crypto_1.createPublicKey)(key) : key;
    assertEd25519(publicKey, 'public');
    const { x } = publicKey.export({ format: 'jwk' });
    return Buffer.from(x, 'base64url');
}
function keyIdOf(key) {
    return (0, node_crypto_1.createHash)('sha256').update(rawPublicKey(key)).digest('base64url').slice(0, 16);
}
function publicJwkSet(keys) {
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
function verificationUrl(portalBaseUrl, number, token) {
    const base = portalBaseUrl.replace(/\/+$/, '');
    return `${base}/verify/${encodeURIComponent(number)}?d=${token.d}&sig=${token.sig}`;
}
