"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EDITABLE_STATES = exports.STAFF_QUEUE_STATES = exports.TRANSITIONS = exports.STAFF_ROLES = exports.APPLICATION_ACTIONS = exports.APPLICATION_STATES = void 0;
exports.actionIsEverAllowedFor = actionIsEverAllowedFor;
exports.decide = decide;
exports.APPLICATION_STATES = [
    'draft',
    'submitted',
    'correction_required',
    'awaiting_acceptance',
    'not_accepted',
    'under_review',
    'awaiting_seal',
    'issuing',
    'issued',
    'denied',
    'withdrawn',
    'revoked',
];
exports.APPLICATION_ACTIONS = [
    'submit',
    'precheck_pass',
    'precheck_fail',
    'resubmit',
    'accept',
    'request_correction',
    'refuse',
    'approve',
    'deny',
    'seal',
    'issued',
    'revoke',
    'withdraw',
];
exports.STAFF_ROLES = [
    'window_clerk',
    'reviewer',
    'section_head',
    'seal_officer',
    'helper',
    'seal_vendor',
    'leadership',
    'administrator',
];
const PRE_ACCEPTANCE = ['draft', 'submitted', 'correction_required', 'awaiting_acceptance'];
exports.TRANSITIONS = {
    submit: { from: ['draft'], who: 'owner_or_staff', to: 'submitted', effects: ['enqueue_precheck', 'notify_applicant'] },
    precheck_pass: {
        from: ['submitted'],
        who: 'system',
        to: 'awaiting_acceptance',
        effects: ['start_acceptance_clock', 'notify_applicant'],
    },
    precheck_fail: { from: ['submitted'], who: 'system', to: 'correction_required', effects: ['pause_clock', 'notify_applicant'] },
    resubmit: {
        from: ['correction_required'],
        who: 'owner_or_staff',
        to: 'submitted',
        effects: ['resume_clock', 'enqueue_precheck', 'notify_applicant'],
    },
    accept: {
        from: ['awaiting_acceptance'],
        who: 'window_clerk',
        to: (ctx) => (ctx.hasReviewStep ? 'under_review' : 'awaiting_seal'),
        claimRequired: true,
        effects: ['start_decision_clock', 'release_claim', 'notify_applicant'],
    },
    request_correction: {
        from: ['awaiting_acceptance'],
        who: 'window_clerk',
        to: 'correction_required',
        claimRequired: true,
        effects: ['pause_clock', 'count_clerk_correction', 'release_claim', 'notify_applicant'],
    },
    refuse: {
        from: ['awaiting_acceptance'],
        who: 'window_clerk',
        to: 'not_accepted',
        claimRequired: true,
        reasonRequired: true,
        effects: ['release_claim', 'notify_applicant'],
    },
    approve: {
        from: ['under_review'],
        who: 'reviewer',
        to: 'awaiting_seal',
        claimRequired: true,
        sectionBound: true,
        reasonRequired: true,
        effects: ['release_claim', 'notify_applicant'],
    },
    deny: {
        from: ['under_review'],
        who: 'reviewer',
        to: 'denied',
        claimRequired: true,
        sectionBound: true,
        reasonRequired: true,
        effects: ['release_claim', 'notify_applicant'],
    },
    seal: { from: ['awaiting_seal'], who: 'seal_officer', to: 'issuing', effects: ['enqueue_issuance', 'release_claim'] },
    issued: { from: ['issuing'], who: 'system', to: 'issued', effects: ['notify_applicant'] },
    revoke: { from: ['issued'], who: 'revoker', to: 'revoked', reasonRequired: true, effects: ['notify_applicant'] },
    withdraw: { from: PRE_ACCEPTANCE, who: 'owner', to: 'withdrawn', effects: ['release_claim', 'notify_applicant'] },
};
function hasRole(actor, role) {
    return actor.kind === 'staff' && actor.roles.includes(role);
}
function mayEver(who, ctx) {
    const { actor } = ctx;
    switch (who) {
        case 'owner':
            return actor.kind === 'applicant' && actor.id === ctx.ownerId;
        case 'owner_or_staff':
            return (actor.kind === 'applicant' && actor.id === ctx.ownerId) || hasRole(actor, 'window_clerk') || hasRole(actor, 'helper');
        case 'system':
            return actor.kind === 'system';
        case 'window_clerk':
            return hasRole(actor, 'window_clerk');
        case 'reviewer':
            return hasRole(actor, 'reviewer');
        case 'seal_officer':
            return hasRole(actor, 'seal_officer');
        case 'revoker':
            return hasRole(actor, 'seal_officer') || hasRole(actor, 'administrator');
    }
}
function actionIsEverAllowedFor(action, ctx) {
    return mayEver(exports.TRANSITIONS[action].who, ctx);
}
function decide(state, action, ctx) {
    const row = exports.TRANSITIONS[action];
    if (!mayEver(row.who, ctx))
        return { ok: false, kind: 'forbidden', rule: `role_may_not_${action}` };
    if (!row.from.includes(state))
        return { ok: false, kind: 'refused', rule: `not_allowed_from_${state}` };
    const { actor } = ctx;
    if (row.sectionBound && actor.kind === 'staff' && !actor.sections.includes(ctx.section)) {
        return { ok: false, kind: 'refused', rule: 'other_section' };
    }
    if (row.claimRequired && (actor.kind !== 'staff' || ctx.claimHolderId !== actor.id)) {
        return { ok: false, kind: 'refused', rule: 'claim_required' };
    }
    const hasReason = typeof ctx.reason === 'string' && ctx.reason.trim().length > 0;
    if (row.reasonRequired && !hasReason)
        return { ok: false, kind: 'refused', rule: 'reason_required' };
    if (action === 'request_correction') {
        if (!ctx.correctionItemCount)
            return { ok: false, kind: 'refused', rule: 'correction_items_required' };
        if (ctx.clerkCorrections >= 1 && !hasReason)
            return { ok: false, kind: 'refused', rule: 'second_correction_needs_reason' };
    }
    const to = typeof row.to === 'function' ? row.to(ctx) : row.to;
    return { ok: true, to, effects: [...row.effects] };
}
exports.STAFF_QUEUE_STATES = ['awaiting_acceptance', 'under_review', 'awaiting_seal'];
exports.EDITABLE_STATES = ['draft', 'correction_required'];
