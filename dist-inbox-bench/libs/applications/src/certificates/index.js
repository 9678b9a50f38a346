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
exports.certificateOf = certificateOf;
const business_license_certificate_1 = require("./business-license.certificate");
const construction_certificate_1 = require("./construction.certificate");
const food_business_certificate_1 = require("./food-business.certificate");
const investment_filing_certificate_1 = require("./investment-filing.certificate");
const planning_certificates_1 = require("./planning.certificates");
const social_organizations_certificates_1 = require("./social-organizations.certificates");
__exportStar(require("./certificate-spec"), exports);
const CERTIFICATES = {
    'business-license': business_license_certificate_1.businessLicenseCertificate,
    'food-business': food_business_certificate_1.foodBusinessCertificate,
    'investment-filing': investment_filing_certificate_1.investmentFilingCertificate,
    'land-planning': planning_certificates_1.landPlanningCertificate,
    'engineering-planning': planning_certificates_1.engineeringPlanningCertificate,
    construction: construction_certificate_1.constructionCertificate,
    'non-enterprise': social_organizations_certificates_1.nonEnterpriseCertificate,
    'social-group': social_organizations_certificates_1.socialGroupCertificate,
};
function certificateOf(serviceCode) {
    const spec = CERTIFICATES[serviceCode];
    if (!spec)
        throw new Error(`no certificate spec for ${serviceCode}`);
    return spec;
}
