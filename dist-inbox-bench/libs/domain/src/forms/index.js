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
exports.IdentifiedPerson = exports.DatePeriod = void 0;
__exportStar(require("./messages"), exports);
__exportStar(require("./decorators"), exports);
__exportStar(require("./amount"), exports);
__exportStar(require("./form-class"), exports);
var common_1 = require("./common");
Object.defineProperty(exports, "DatePeriod", { enumerable: true, get: function () { return common_1.DatePeriod; } });
Object.defineProperty(exports, "IdentifiedPerson", { enumerable: true, get: function () { return common_1.IdentifiedPerson; } });
__exportStar(require("./business-license.form"), exports);
__exportStar(require("./food-business.form"), exports);
__exportStar(require("./investment-filing.form"), exports);
__exportStar(require("./land-planning.form"), exports);
__exportStar(require("./engineering-planning.form"), exports);
__exportStar(require("./construction.form"), exports);
__exportStar(require("./non-enterprise.form"), exports);
__exportStar(require("./social-group.form"), exports);
__exportStar(require("./validate"), exports);
__exportStar(require("./json-schema"), exports);
__exportStar(require("./examples"), exports);
