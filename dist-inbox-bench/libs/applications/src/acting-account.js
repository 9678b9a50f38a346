"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SYSTEM = void 0;
exports.asDomainActor = asDomainActor;
exports.SYSTEM = { kind: 'system', name: 'OneWindow' };
function asDomainActor(account) {
    switch (account.kind) {
        case 'applicant':
            return { kind: 'applicant', id: account.id };
        case 'staff':
            return { kind: 'staff', id: account.id, roles: account.roles, sections: account.sections };
        case 'system':
            return { kind: 'system' };
    }
}
