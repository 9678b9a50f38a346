"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TooManyFilesError = exports.MAX_FILES_PER_APPLICATION = void 0;
exports.assertRoomForAnotherFile = assertRoomForAnotherFile;
const errors_1 = require("../../domain/src/errors.js");
exports.MAX_FILES_PER_APPLICATION = 50;
class TooManyFilesError extends errors_1.DomainError {
    code = 'too_large';
    constructor(max) {
        super('errors.too_many_files', { max }, { file: 'fields.too_many_files' });
    }
}
exports.TooManyFilesError = TooManyFilesError;
async function assertRoomForAnotherFile(em, applicationId, max = exports.MAX_FILES_PER_APPLICATION) {
    const [{ files }] = await em.query('SELECT count(*)::int AS files FROM materials WHERE application_id = $1', [applicationId]);
    if (files >= max)
        throw new TooManyFilesError(max);
}
