"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createBackofficeApp = createBackofficeApp;
const web_1 = require("../../../libs/web/src/index.js");
const backoffice_constants_1 = require("./backoffice.constants");
const backoffice_module_1 = require("./backoffice.module");
function createBackofficeApp(config, options = {}) {
    return (0, web_1.createHttpApp)(backoffice_module_1.BackofficeModule, {
        name: 'backoffice',
        title: 'OneWindow back office API (一窗通办·工作台)',
        sessionCookie: backoffice_constants_1.STAFF_SESSION_COOKIE,
        uploadMaxBytes: config.UPLOAD_MAX_BYTES,
        logger: options.logger,
    });
}
