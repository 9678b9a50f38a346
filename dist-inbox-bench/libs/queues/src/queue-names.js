"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAMILY_QUEUES = exports.QUEUES = void 0;
exports.QUEUES = {
    businessLicense: 'business-license',
    foodPermit: 'food-permit',
    planningPermit: 'planning-permit',
    socialOrg: 'social-org',
    issuance: 'issuance',
    deadlines: 'deadlines',
    notifications: 'notifications',
    sealCarving: 'seal-carving',
    reports: 'reports',
    maintenance: 'maintenance',
    documents: 'documents',
};
exports.FAMILY_QUEUES = [exports.QUEUES.businessLicense, exports.QUEUES.foodPermit, exports.QUEUES.planningPermit, exports.QUEUES.socialOrg];
