import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as documents from './index';

describe('@onewindow/documents', () => {
  it('exports the renderer, the seal, signing and formatting', () => {
    for (const name of [
      'LicensePdfRenderer',
      'defaultCertificateLayouts',
      'drawSeal',
      'certificateFont',
      'canonicalJson',
      'base64urlEncode',
      'base64urlDecode',
      'signLicensePayload',
      'verifyLicenseToken',
      'loadSigningKey',
      'loadVerificationKey',
      'generateDevelopmentKeyPair',
      'publicJwkSet',
      'keyIdOf',
      'verificationUrl',
      'formatChineseDate',
      'amountInChineseCapital',
      'NoticePdfRenderer',
      'NOTICE_TITLES',
      'reviewRightsSentence',
    ]) {
      expect(documents).toHaveProperty(name);
    }
  });

  it('stays plain TypeScript: no NestJS, TypeORM or BullMQ, so the worker and the bench can use it directly', () => {
    const sources = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    for (const file of sources) {
      const text = readFileSync(join(__dirname, file), 'utf8');
      expect({ file, imports: text.match(/from '(@nestjs\/[^']*|typeorm|bullmq|ioredis)'/g) }).toEqual({ file, imports: null });
    }
  });
});
