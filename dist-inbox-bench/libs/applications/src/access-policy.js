"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUEUE_OF_ROLE = void 0;
exports.staffMaySeeFiles = staffMaySeeFiles;
exports.staffMayWork = staffMayWork;
exports.staffMayEverClaim = staffMayEverClaim;
exports.queueStatesOf = queueStatesOf;
const ROLES_THAT_SEE_FILES = ['window_clerk', 'reviewer', 'section_head', 'seal_officer', 'helper', 'administrator'];
exports.QUEUE_OF_ROLE = {
    window_clerk: 'awaiting_acceptance',
    reviewer: 'under_review',
    seal_officer: 'awaiting_seal',
};
const ROLE_OF_QUEUE = {
    awaiting_acceptance: 'window_clerk',
    under_review: 'reviewer',
    awaiting_seal: 'seal_officer',
};
function staffMaySeeFiles(staff) {
    return staff.roles.some((role) => ROLES_THAT_SEE_FILES.includes(role));
}
function staffMayWork(staff, state, section) {
    const role = ROLE_OF_QUEUE[state];
    if (!role || !staff.roles.includes(role))
        return false;
    return role !== 'reviewer' || staff.sections.includes(section);
}
function staffMayEverClaim(staff) {
    return Object.values(ROLE_OF_QUEUE).some((role) => role && staff.roles.includes(role));
}
function queueStatesOf(staff) {
    return Object.entries(exports.QUEUE_OF_ROLE)
        .filter(([role]) => staff.roles.includes(role))
        .map(([, state]) => state);
}
