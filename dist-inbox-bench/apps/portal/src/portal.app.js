"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createPortalApp = createPortalApp;
const web_1 = require("../../../libs/web/src/index.js");
const portal_constants_1 = require("./portal.constants");
const portal_module_1 = require("./portal.module");
function createPortalApp(config, options = {}) {
    return (0, web_1.createHttpApp)(portal_module_1.PortalModule, {
        name: 'portal',
        title: 'OneWindow portal API (一窗通办·申请人)',
        sessionCookie: portal_constants_1.PORTAL_SESSION_COOKIE,
        uploadMaxBytes: config.UPLOAD_MAX_BYTES,
        logger: options.logger,
    });
}
