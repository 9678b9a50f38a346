"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./acting-account"), exports);
__exportStar(require("./access-policy"), exports);
__exportStar(require("./audit-log"), exports);
__exportStar(require("./audit-digest.service"), exports);
__exportStar(require("./number-allocator"), exports);
__exportStar(require("./application-clock"), exports);
__exportStar(require("./application-view"), exports);
__exportStar(require("./transition.service"), exports);
__exportStar(require("./applicant-applications.service"), exports);
__exportStar(require("./staff-workflow.service"), exports);
__exportStar(require("./precheck.service"), exports);
__exportStar(require("./issuance.service"), exports);
__exportStar(require("./signing-keys"), exports);
__exportStar(require("./certificates"), exports);
__exportStar(require("./persistence.module"), exports);
__exportStar(require("./applications.module"), exports);
__exportStar(require("./content-type"), exports);
__exportStar(require("./notice.service"), exports);
__exportStar(require("./notices"), exports);
__exportStar(require("./outbox"), exports);
__exportStar(require("./linked-records"), exports);
__exportStar(require("./completeness"), exports);
__exportStar(require("./notifications"), exports);
__exportStar(require("./assisted-filing.service"), exports);
__exportStar(require("./green-channel.service"), exports);
__exportStar(require("./tracking.service"), exports);
__exportStar(require("./seal-carving.service"), exports);
__exportStar(require("./verification.service"), exports);
__exportStar(require("./revocation"), exports);
__exportStar(require("./calendar.service"), exports);
__exportStar(require("./deadlines.service"), exports);
__exportStar(require("./claims.service"), exports);
__exportStar(require("./clock-actions.service"), exports);
__exportStar(require("./rating.service"), exports);
__exportStar(require("./reconciler.service"), exports);
__exportStar(require("./reports"), exports);
