import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  /** The SHA-256 of the bytes, hex: also the file's key, so the same bytes are stored once. */
  sha256: string;
  sizeBytes: number;
}

/** Where materials and PDFs live; shared by the portal, the back office and the worker. */
export interface FileStorage {
  /** Streams bytes in while hashing them; stops with FileTooLargeError past `maxBytes`. */
  put(source: Readable | Buffer, options?: { maxBytes?: number }): Promise<StoredFile>;
  read(sha256: string): Promise<Buffer>;
  stream(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
  /** Deletes uploads left half-written (a process killed mid-upload) that started before `before`; says how many. */
  removeAbandonedUploads(before: Date): Promise<number>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

export class StoredFileCorruptError extends Error {
  constructor(readonly sha256: string) {
    super(`stored file ${sha256} does not match its hash`);
  }
}

/** The default storage: a directory from configuration, files named by their SHA-256. */
export class DirectoryFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 key');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  private get tmpDir(): string {
    return join(this.root, 'tmp');
  }

  async put(source: Readable | Buffer, options: { maxBytes?: number } = {}): Promise<StoredFile> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmpPath = join(this.tmpDir, randomUUID());
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    try {
      await pipeline(input, meter, createWriteStream(tmpPath));
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const finalPath = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await rename(tmpPath, finalPath);
    return { sha256, sizeBytes };
  }

  /** Reads and re-hashes: a stored file that no longer matches its hash is an alarm, never served. */
  async read(sha256: string): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(sha256));
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new StoredFileCorruptError(sha256);
    return bytes;
  }

  stream(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async removeAbandonedUploads(before: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tmpDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.tmpDir, name);
      // An upload in progress is written to all the time; one untouched since `before` is dead.
      const modified = await stat(path).then((s) => s.mtime, () => null);
      if (modified && modified < before) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** Nest injection token for the one FileStorage the apps share. */
export const FILE_STORAGE = Symbol('FileStorage');
