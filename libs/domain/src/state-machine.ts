/**
 * The application's life as one explicit transition table (DESIGN.md, "The transition table").
 * `decide` is the only place that says whether a state change may happen; callers apply its
 * answer with a conditional update so that a lost race is detected, never overwritten.
 */

export const APPLICATION_STATES = [
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
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
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
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const STAFF_ROLES = [
  'window_clerk',
  'reviewer',
  'section_head',
  'seal_officer',
  'helper',
  'seal_vendor',
  'leadership',
  'administrator',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type Actor =
  | { kind: 'applicant'; id: string }
  | { kind: 'staff'; id: string; roles: readonly StaffRole[]; sections: readonly string[] }
  | { kind: 'system' };

export interface TransitionContext {
  actor: Actor;
  /** Account id of the applicant who owns the file. */
  ownerId: string;
  /** Staff id holding the claim, if any. */
  claimHolderId?: string | null;
  /** The reviewing section of the file's service. */
  section: string;
  /** False for services recorded as soon as they are accepted (investment filing). */
  hasReviewStep: boolean;
  /** Corrections requested by a clerk so far (automatic precheck lists do not count). */
  clerkCorrections: number;
  /** The reason, opinion or list the action carries, if any. */
  reason?: string | null;
  /** Items of a correction request. */
  correctionItemCount?: number;
}

export type Effect =
  | 'start_acceptance_clock'
  | 'start_decision_clock'
  | 'pause_clock'
  | 'resume_clock'
  | 'release_claim'
  | 'enqueue_precheck'
  | 'enqueue_issuance'
  | 'count_clerk_correction'
  | 'notify_applicant';

export type Refusal = {
  ok: false;
  /** 'forbidden': the actor's role may never take this action (HTTP 403); 'refused': the rule says no now (422). */
  kind: 'forbidden' | 'refused';
  rule: string;
};
export type Decision = { ok: true; to: ApplicationState; effects: Effect[] } | Refusal;

type Who = 'owner' | 'owner_or_staff' | 'system' | 'window_clerk' | 'reviewer' | 'seal_officer' | 'revoker';

interface Row {
  from: readonly ApplicationState[];
  who: Who;
  to: ApplicationState | ((ctx: TransitionContext) => ApplicationState);
  claimRequired?: boolean;
  sectionBound?: boolean;
  reasonRequired?: boolean;
  effects: Effect[];
}

const PRE_ACCEPTANCE: readonly ApplicationState[] = ['draft', 'submitted', 'correction_required', 'awaiting_acceptance'];

export const TRANSITIONS: Readonly<Record<ApplicationAction, Row>> = {
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

function hasRole(actor: Actor, role: StaffRole): boolean {
  return actor.kind === 'staff' && actor.roles.includes(role);
}

/** May this actor ever take an action of this kind, whatever the state? (No means 403.) */
function mayEver(who: Who, ctx: TransitionContext): boolean {
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

/** The roles that may ever take an action; the access policy uses this to answer 403 before loading state. */
export function actionIsEverAllowedFor(action: ApplicationAction, ctx: TransitionContext): boolean {
  return mayEver(TRANSITIONS[action].who, ctx);
}

export function decide(state: ApplicationState, action: ApplicationAction, ctx: TransitionContext): Decision {
  const row = TRANSITIONS[action];
  if (!mayEver(row.who, ctx)) return { ok: false, kind: 'forbidden', rule: `role_may_not_${action}` };
  if (!row.from.includes(state)) return { ok: false, kind: 'refused', rule: `not_allowed_from_${state}` };
  const { actor } = ctx;
  if (row.sectionBound && actor.kind === 'staff' && !actor.sections.includes(ctx.section)) {
    return { ok: false, kind: 'refused', rule: 'other_section' };
  }
  if (row.claimRequired && (actor.kind !== 'staff' || ctx.claimHolderId !== actor.id)) {
    return { ok: false, kind: 'refused', rule: 'claim_required' };
  }
  const hasReason = typeof ctx.reason === 'string' && ctx.reason.trim().length > 0;
  if (row.reasonRequired && !hasReason) return { ok: false, kind: 'refused', rule: 'reason_required' };
  if (action === 'request_correction') {
    if (!ctx.correctionItemCount) return { ok: false, kind: 'refused', rule: 'correction_items_required' };
    if (ctx.clerkCorrections >= 1 && !hasReason) return { ok: false, kind: 'refused', rule: 'second_correction_needs_reason' };
  }
  const to = typeof row.to === 'function' ? row.to(ctx) : row.to;
  return { ok: true, to, effects: [...row.effects] };
}

/** States in which a file waits on staff: the unified queues. */
export const STAFF_QUEUE_STATES: readonly ApplicationState[] = ['awaiting_acceptance', 'under_review', 'awaiting_seal'];
/** States in which the applicant may still edit the form. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'correction_required'];
