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
exports.SERVICES = exports.socialGroupService = exports.nonEnterpriseService = exports.constructionService = exports.engineeringPlanningService = exports.landPlanningService = exports.investmentFilingService = exports.foodBusinessService = exports.businessLicenseService = exports.SCANS_OR_E_DOCUMENT = exports.SCANS = void 0;
exports.isServiceCode = isServiceCode;
exports.getService = getService;
exports.isMaterialRequired = isMaterialRequired;
exports.missingMaterials = missingMaterials;
const business_license_1 = require("./business-license");
const construction_1 = require("./construction");
const engineering_planning_1 = require("./engineering-planning");
const food_business_1 = require("./food-business");
const investment_filing_1 = require("./investment-filing");
const land_planning_1 = require("./land-planning");
const non_enterprise_1 = require("./non-enterprise");
const social_group_1 = require("./social-group");
const types_1 = require("./types");
__exportStar(require("./types"), exports);
var file_types_1 = require("./file-types");
Object.defineProperty(exports, "SCANS", { enumerable: true, get: function () { return file_types_1.SCANS; } });
Object.defineProperty(exports, "SCANS_OR_E_DOCUMENT", { enumerable: true, get: function () { return file_types_1.SCANS_OR_E_DOCUMENT; } });
var business_license_2 = require("./business-license");
Object.defineProperty(exports, "businessLicenseService", { enumerable: true, get: function () { return business_license_2.businessLicenseService; } });
var food_business_2 = require("./food-business");
Object.defineProperty(exports, "foodBusinessService", { enumerable: true, get: function () { return food_business_2.foodBusinessService; } });
var investment_filing_2 = require("./investment-filing");
Object.defineProperty(exports, "investmentFilingService", { enumerable: true, get: function () { return investment_filing_2.investmentFilingService; } });
var land_planning_2 = require("./land-planning");
Object.defineProperty(exports, "landPlanningService", { enumerable: true, get: function () { return land_planning_2.landPlanningService; } });
var engineering_planning_2 = require("./engineering-planning");
Object.defineProperty(exports, "engineeringPlanningService", { enumerable: true, get: function () { return engineering_planning_2.engineeringPlanningService; } });
var construction_2 = require("./construction");
Object.defineProperty(exports, "constructionService", { enumerable: true, get: function () { return construction_2.constructionService; } });
var non_enterprise_2 = require("./non-enterprise");
Object.defineProperty(exports, "nonEnterpriseService", { enumerable: true, get: function () { return non_enterprise_2.nonEnterpriseService; } });
var social_group_2 = require("./social-group");
Object.defineProperty(exports, "socialGroupService", { enumerable: true, get: function () { return social_group_2.socialGroupService; } });
exports.SERVICES = [
    business_license_1.businessLicenseService,
    food_business_1.foodBusinessService,
    investment_filing_1.investmentFilingService,
    land_planning_1.landPlanningService,
    engineering_planning_1.engineeringPlanningService,
    construction_1.constructionService,
    non_enterprise_1.nonEnterpriseService,
    social_group_1.socialGroupService,
];
function isServiceCode(s) {
    return typeof s === 'string' && types_1.SERVICE_CODES.includes(s);
}
function getService(code) {
    return exports.SERVICES.find((service) => service.code === code);
}
function isMaterialRequired(material, form) {
    if (material.requiredWhen && typeof form === 'object' && form !== null) {
        try {
            return material.requiredWhen(form) === true;
        }
        catch {
            return material.required;
        }
    }
    return material.required;
}
function missingMaterials(service, uploadedCodes, form) {
    const uploaded = new Set(uploadedCodes);
    return service.materials.filter((material) => isMaterialRequired(material, form) && !uploaded.has(material.code));
}
