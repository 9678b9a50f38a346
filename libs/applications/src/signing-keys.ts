import { createPublicKey, KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@onewindow/config';
import { generateDevelopmentKeyPair, keyIdOf, loadSigningKey, publicJwkSet } from '@onewindow/documents';

/**
 * The Ed25519 key that signs licences, and the public keys that verify them. Production must
 * configure one (AppConfig refuses to start without it); development and tests use a key kept
 * beside the storage directory, made on first use, so licences stay verifiable across restarts.
 */
@Injectable()
export class SigningKeys {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKeys: Map<string, KeyObject>;

  constructor(config: AppConfig) {
    this.privateKey = loadSigningKey(signingKeyText(config));
    this.kid = keyIdOf(this.privateKey);
    this.publicKeys = new Map([[this.kid, createPublicKey(this.privateKey)]]);
  }

  jwks() {
    return publicJwkSet([...this.publicKeys].map(([kid, publicKey]) => ({ kid, publicKey })));
  }
}

function signingKeyText(config: AppConfig): string {
  if (config.LICENSE_SIGNING_KEY) return config.LICENSE_SIGNING_KEY;
  if (config.LICENSE_SIGNING_KEY_FILE) return readFileSync(config.LICENSE_SIGNING_KEY_FILE, 'utf8');
  const devKeyPath = join(config.STORAGE_DIR, 'keys', 'development-signing-key.pem');
  if (!existsSync(devKeyPath)) {
    mkdirSync(dirname(devKeyPath), { recursive: true });
    try {
      writeFileSync(devKeyPath, generateDevelopmentKeyPair().privateKeyPem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(devKeyPath, 'utf8');
}
