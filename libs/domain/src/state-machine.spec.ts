import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  actionIsEverAllowedFor,
  decide,
  type Actor,
  type ApplicationAction,
  type ApplicationState,
  type StaffRole,
  type TransitionContext,
} from './state-machine';

const OWNER_ID = 'applicant-owner';
const SECTION = 'market_registration';

const owner: Actor = { kind: 'applicant', id: OWNER_ID };
const otherApplicant: Actor = { kind: 'applicant', id: 'applicant-other' };
const system: Actor = { kind: 'system' };
function staff(id: string, roles: StaffRole[], sections: string[] = []): Actor {
  return { kind: 'staff', id, roles, sections };
}
const clerk = staff('clerk-1', ['window_clerk']);
const helper = staff('helper-1', ['helper']);
const reviewer = staff('reviewer-1', ['reviewer'], [SECTION]);
const sealOfficer = staff('sealer-1', ['seal_officer']);
const administrator = staff('admin-1', ['administrator']);
const vendor = staff('vendor-1', ['seal_vendor']);
const leader = staff('leader-1', ['leadership']);

/** The documented table (DESIGN.md), written out independently of TRANSITIONS. */
const DOCUMENTED: Record<ApplicationAction, { from: ApplicationState[]; to: ApplicationState; actor: Actor }> = {
  submit: { from: ['draft'], to: 'submitted', actor: owner },
  precheck_pass: { from: ['submitted'], to: 'awaiting_acceptance', actor: system },
  precheck_fail: { from: ['submitted'], to: 'correction_required', actor: system },
  resubmit: { from: ['correction_required'], to: 'submitted', actor: owner },
  accept: { from: ['awaiting_acceptance'], to: 'under_review', actor: clerk },
  request_correction: { from: ['awaiting_acceptance'], to: 'correction_required', actor: clerk },
  refuse: { from: ['awaiting_acceptance'], to: 'not_accepted', actor: clerk },
  approve: { from: ['under_review'], to: 'awaiting_seal', actor: reviewer },
  deny: { from: ['under_review'], to: 'denied', actor: reviewer },
  seal: { from: ['awaiting_seal'], to: 'issuing', actor: sealOfficer },
  issued: { from: ['issuing'], to: 'issued', actor: system },
  revoke: { from: ['issued'], to: 'revoked', actor: sealOfficer },
  withdraw: { from: ['draft', 'submitted', 'correction_required', 'awaiting_acceptance'], to: 'withdrawn', actor: owner },
};

/** A context in which every rule but the state is satisfied for this actor. */
function context(actor: Actor, overrides: Partial<TransitionContext> = {}): TransitionContext {
  return {
    actor,
    ownerId: OWNER_ID,
    claimHolderId: actor.kind === 'staff' ? actor.id : null,
    section: SECTION,
    hasReviewStep: true,
    clerkCorrections: 0,
    reason: 'Reason given in full.',
    correctionItemCount: 1,
    ...overrides,
  };
}

const EVERY_PAIR = APPLICATION_ACTIONS.flatMap((action) => APPLICATION_STATES.map((state) => [action, state] as const));

describe('decide: the transition table', () => {
  it('covers every action and state', () => {
    expect(Object.keys(DOCUMENTED).sort()).toEqual([...APPLICATION_ACTIONS].sort());
    expect(EVERY_PAIR).toHaveLength(APPLICATION_ACTIONS.length * APPLICATION_STATES.length);
  });

  it.each(EVERY_PAIR)('%s from %s: allowed exactly where documented', (action, state) => {
    const documented = DOCUMENTED[action];
    const decision = decide(state, action, context(documented.actor));
    if (documented.from.includes(state)) {
      expect(decision).toMatchObject({ ok: true, to: documented.to });
    } else {
      expect(decision).toEqual({ ok: false, kind: 'refused', rule: `not_allowed_from_${state}` });
    }
  });

  it('sends an accepted file straight to the seal when the service has no review step', () => {
    expect(decide('awaiting_acceptance', 'accept', context(clerk, { hasReviewStep: false }))).toMatchObject({ ok: true, to: 'awaiting_seal' });
  });

  it('returns the effects the caller must apply', () => {
    const accepted = decide('awaiting_acceptance', 'accept', context(clerk));
    expect(accepted.ok && accepted.effects).toEqual(expect.arrayContaining(['start_decision_clock', 'release_claim']));
    const sealed = decide('awaiting_seal', 'seal', context(sealOfficer));
    expect(sealed.ok && sealed.effects).toContain('enqueue_issuance');
    const submitted = decide('draft', 'submit', context(owner));
    expect(submitted.ok && submitted.effects).toContain('enqueue_precheck');
  });
});

describe('decide: who may act', () => {
  it.each<[string, ApplicationState, ApplicationAction, Actor]>([
    ['a clerk sealing', 'awaiting_seal', 'seal', clerk],
    ['an applicant approving', 'under_review', 'approve', owner],
    ["another applicant submitting someone's draft", 'draft', 'submit', otherApplicant],
    ['a reviewer accepting', 'awaiting_acceptance', 'accept', reviewer],
    ['a clerk approving', 'under_review', 'approve', clerk],
    ['an applicant passing their own precheck', 'submitted', 'precheck_pass', owner],
    ['staff marking a licence issued by hand', 'issuing', 'issued', administrator],
    ['a clerk revoking', 'issued', 'revoke', clerk],
    ['a seal-carving vendor withdrawing', 'draft', 'withdraw', vendor],
    ['a clerk withdrawing for the applicant', 'submitted', 'withdraw', clerk],
    ['leadership denying', 'under_review', 'deny', leader],
  ])('forbids %s', (_, state, action, actor) => {
    expect(decide(state, action, context(actor))).toEqual({ ok: false, kind: 'forbidden', rule: `role_may_not_${action}` });
    expect(actionIsEverAllowedFor(action, context(actor))).toBe(false);
  });

  it('forbids by role before looking at the state', () => {
    expect(decide('draft', 'seal', context(clerk))).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('lets a clerk or helper submit and resubmit on the applicant’s behalf', () => {
    expect(decide('draft', 'submit', context(clerk))).toMatchObject({ ok: true, to: 'submitted' });
    expect(decide('draft', 'submit', context(helper))).toMatchObject({ ok: true, to: 'submitted' });
    expect(decide('correction_required', 'resubmit', context(helper))).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('lets an administrator revoke as well as a seal officer', () => {
    expect(decide('issued', 'revoke', context(administrator))).toMatchObject({ ok: true, to: 'revoked' });
  });
});

describe('decide: claims, sections and reasons', () => {
  it.each<[ApplicationAction, ApplicationState, Actor]>([
    ['accept', 'awaiting_acceptance', clerk],
    ['request_correction', 'awaiting_acceptance', clerk],
    ['refuse', 'awaiting_acceptance', clerk],
    ['approve', 'under_review', reviewer],
    ['deny', 'under_review', reviewer],
  ])('%s needs the actor to hold the claim', (action, state, actor) => {
    const refused = { ok: false, kind: 'refused', rule: 'claim_required' };
    expect(decide(state, action, context(actor, { claimHolderId: null }))).toEqual(refused);
    expect(decide(state, action, context(actor, { claimHolderId: 'someone-else' }))).toEqual(refused);
    expect(decide(state, action, context(actor))).toMatchObject({ ok: true });
  });

  it('does not need a claim to seal', () => {
    expect(decide('awaiting_seal', 'seal', context(sealOfficer, { claimHolderId: null }))).toMatchObject({ ok: true, to: 'issuing' });
  });

  it.each<ApplicationAction>(['approve', 'deny'])('refuses %s by a reviewer of another section', (action) => {
    const otherSectionReviewer = staff('reviewer-2', ['reviewer'], ['food_drug']);
    expect(decide('under_review', action, context(otherSectionReviewer))).toEqual({ ok: false, kind: 'refused', rule: 'other_section' });
  });

  it.each<[ApplicationAction, ApplicationState, Actor]>([
    ['refuse', 'awaiting_acceptance', clerk],
    ['deny', 'under_review', reviewer],
    ['approve', 'under_review', reviewer],
    ['revoke', 'issued', sealOfficer],
  ])('refuses %s without a reason', (action, state, actor) => {
    for (const reason of [null, undefined, '', '   ']) {
      expect(decide(state, action, context(actor, { reason }))).toEqual({ ok: false, kind: 'refused', rule: 'reason_required' });
    }
  });

  it('needs at least one item in a correction request', () => {
    expect(decide('awaiting_acceptance', 'request_correction', context(clerk, { correctionItemCount: 0 }))).toEqual({
      ok: false,
      kind: 'refused',
      rule: 'correction_items_required',
    });
  });

  it('lets the first clerk correction go without a reason, but not the second', () => {
    expect(decide('awaiting_acceptance', 'request_correction', context(clerk, { reason: null, clerkCorrections: 0 }))).toMatchObject({
      ok: true,
      to: 'correction_required',
    });
    expect(decide('awaiting_acceptance', 'request_correction', context(clerk, { reason: null, clerkCorrections: 1 }))).toEqual({
      ok: false,
      kind: 'refused',
      rule: 'second_correction_needs_reason',
    });
    expect(decide('awaiting_acceptance', 'request_correction', context(clerk, { reason: '补正后仍缺章程', clerkCorrections: 1 }))).toMatchObject({
      ok: true,
      to: 'correction_required',
    });
  });

  it('needs no reason to accept, seal or withdraw', () => {
    expect(decide('awaiting_acceptance', 'accept', context(clerk, { reason: null }))).toMatchObject({ ok: true });
    expect(decide('awaiting_seal', 'seal', context(sealOfficer, { reason: null }))).toMatchObject({ ok: true });
    expect(decide('submitted', 'withdraw', context(owner, { reason: null }))).toMatchObject({ ok: true });
  });
});
