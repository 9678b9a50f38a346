"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FILE_STORAGE = exports.DirectoryFileStorage = exports.StoredFileCorruptError = exports.FileTooLargeError = void 0;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const node_stream_1 = require("node:stream");
const promises_2 = require("node:stream/promises");
class FileTooLargeError extends Error {
    maxBytes;
    constructor(maxBytes) {
        super(`file larger than ${maxBytes} bytes`);
        this.maxBytes = maxBytes;
    }
}
exports.FileTooLargeError = FileTooLargeError;
class StoredFileCorruptError extends Error {
    sha256;
    constructor(sha256) {
        super(`stored file ${sha256} does not match its hash`);
        this.sha256 = sha256;
    }
}
exports.StoredFileCorruptError = StoredFileCorruptError;
class DirectoryFileStorage {
    root;
    constructor(root) {
        this.root = root;
    }
    pathOf(sha256) {
        if (!/^[0-9a-f]{64}$/.test(sha256))
            throw new Error('not a SHA-256 key');
        return (0, node_path_1.join)(this.root, sha256.slice(0, 2), sha256);
    }
    async put(source, options = {}) {
        const tmpDir = (0, node_path_1.join)(this.root, 'tmp');
        await (0, promises_1.mkdir)(tmpDir, { recursive: true });
        const tmpPath = (0, node_path_1.join)(tmpDir, (0, node_crypto_1.randomUUID)());
        const hash = (0, node_crypto_1.createHash)('sha256');
        let sizeBytes = 0;
        const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
        const meter = new node_stream_1.Transform({
            transform(chunk, _enc, done) {
                sizeBytes += chunk.length;
                if (sizeBytes > maxBytes)
                    return done(new FileTooLargeError(maxBytes));
                hash.update(chunk);
                done(null, chunk);
            },
        });
        const input = Buffer.isBuffer(source) ? node_stream_1.Readable.from([source]) : source;
        try {
            await (0, promises_2.pipeline)(input, meter, (0, node_fs_1.createWriteStream)(tmpPath));
        }
        catch (error) {
            await (0, promises_1.rm)(tmpPath, { force: true });
            throw error;
        }
        const sha256 = hash.digest('hex');
        const finalPath = this.pathOf(sha256);
        await (0, promises_1.mkdir)((0, node_path_1.join)(this.root, sha256.slice(0, 2)), { recursive: true });
        await (0, promises_1.rename)(tmpPath, finalPath);
        return { sha256, sizeBytes };
    }
    async read(sha256) {
        const bytes = await (0, promises_1.readFile)(this.pathOf(sha256));
        if ((0, node_crypto_1.createHash)('sha256').update(bytes).digest('hex') !== sha256)
            throw new StoredFileCorruptError(sha256);
        return bytes;
    }
    stream(sha256) {
        return (0, node_fs_1.createReadStream)(this.pathOf(sha256));
    }
    async exists(sha256) {
        try {
            await (0, promises_1.stat)(this.pathOf(sha256));
            return true;
        }
        catch {
            return false;
        }
    }
}
exports.DirectoryFileStorage = DirectoryFileStorage;
exports.FILE_STORAGE = Symbol('FileStorage');
