"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serviceOf = serviceOf;
const domain_1 = require("../../domain/src/index.js");
function serviceOf(app) {
    const service = (0, domain_1.getService)(app.serviceCode);
    if (!service)
        throw new Error(`application of unknown service ${app.serviceCode}`);
    return service;
}
