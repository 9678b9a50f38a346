import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryFileStorage } from './file-storage';

describe('DirectoryFileStorage', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ow-storage-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 and leaves nothing in tmp', async () => {
    const storage = new DirectoryFileStorage(root);
    const stored = await storage.put(Buffer.from('营业执照'));
    expect(stored).toEqual({ sha256: createHash('sha256').update('营业执照').digest('hex'), sizeBytes: 12 });
    expect(readdirSync(join(root, stored.sha256.slice(0, 2)))).toEqual([stored.sha256]);
    expect((await storage.read(stored.sha256)).toString()).toBe('营业执照');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('removes uploads abandoned before the given time and keeps the ones still being written', async () => {
    const storage = new DirectoryFileStorage(root);
    await storage.put(Buffer.from('kept'));
    const tmp = join(root, 'tmp');
    writeFileSync(join(tmp, 'dead'), 'half an upload');
    writeFileSync(join(tmp, 'live'), 'an upload under way');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(tmp, 'dead'), new Date(hourAgo.getTime() - 1000), new Date(hourAgo.getTime() - 1000));
    expect(await storage.removeAbandonedUploads(hourAgo)).toBe(1);
    expect(readdirSync(tmp)).toEqual(['live']);
    expect(await storage.removeAbandonedUploads(hourAgo)).toBe(0);
  });

  it('has nothing to remove before its first upload', async () => {
    expect(await new DirectoryFileStorage(join(root, 'empty')).removeAbandonedUploads(new Date())).toBe(0);
  });
});
