import {
  asDomainActor,
  bureauCalendar,
  MAX_EXTENSION_WORKING_DAYS,
  promisedLimitOf,
  staffMayWork,
  StaffAccount,
  type ApplicationView,
} from '@onewindow/applications';
import { decide, isMaterialRequired, type ApplicationAction, type ServiceDefinition, type WorkingCalendar } from '@onewindow/domain';
import type { ApplicationEntity, ApplicationPauseEntity } from '@onewindow/persistence';
import { answerRows, buildFields, type AnswerRow, type Translate } from '@onewindow/web/forms/form-fields';
import { schemaOf, stepsOf, stepTitle } from '@onewindow/web/forms/form-steps';
import { daysLeftWords, dueWords, limitWords } from './staff-view';

/** The staff decisions of the transition table, in the order the case page offers them. */
export const DECISIONS = ['accept', 'request_correction', 'refuse', 'approve', 'deny', 'seal', 'revoke'] as const satisfies readonly ApplicationAction[];
export type Decision = (typeof DECISIONS)[number];

export interface DecisionsOffered {
  /** Decisions the signed-in member of staff may take now (given the reason or list the form asks for). */
  now: Decision[];
  /** Decisions that would be theirs once they claim the file (nobody holds it yet). */
  afterClaim: Decision[];
  /** A second correction request by the window needs a reason of its own. */
  correctionNeedsReason: boolean;
}

/**
 * Which decisions to offer, asked of the domain's transition table itself: a dry run of
 * `decide()` per action with the file as it stands. The dry run assumes the form supplies the
 * reason or the correction list the rule wants (the page asks for them); the real transition
 * decides again.
 */
export function decisionsOffered(staff: StaffAccount, app: ApplicationEntity, service: ServiceDefinition): DecisionsOffered {
  const context = (claimHolderId: string | null, reason: string | null = 'dry run') => ({
    actor: asDomainActor(staff),
    ownerId: app.ownerAccountId,
    claimHolderId,
    section: service.section,
    hasReviewStep: service.hasReviewStep,
    clerkCorrections: app.clerkCorrections,
    reason,
    correctionItemCount: 1,
  });
  const now = DECISIONS.filter((action) => decide(app.state, action, context(app.claimHolderId)).ok);
  const afterClaim = app.claimHolderId ? [] : DECISIONS.filter((action) => !now.includes(action) && decide(app.state, action, context(staff.id)).ok);
  const withoutReason = decide(app.state, 'request_correction', context(staff.id, null));
  return { now, afterClaim, correctionNeedsReason: !withoutReason.ok && withoutReason.rule === 'second_correction_needs_reason' };
}

export type SpecialProcedureKind = 'expert_review' | 'hearing' | 'public_notice';

export interface ClockActionsOffered {
  startSpecialProcedure: boolean;
  endSpecialProcedure: { kind: string; since: string } | null;
  /** The most working days an extension may add, or null when none may be asked. */
  extension: { max: number } | null;
}

/**
 * Special procedures and the extension are records beside the state, not transitions: offered
 * to whom ClockActionsService would take them from (reviewers of the file's section holding its
 * claim, the section's head; the extension to the head, once, where the service's law allows).
 * The service decides again when the form is sent.
 */
export function clockActionsOffered(staff: StaffAccount, app: ApplicationEntity, service: ServiceDefinition, pauses: ApplicationPauseEntity[]): ClockActionsOffered {
  const none = { startSpecialProcedure: false, endSpecialProcedure: null, extension: null };
  if (app.state !== 'under_review' || !staff.sections.includes(service.section)) return none;
  const head = staff.roles.includes('section_head');
  const mayRun = head || (staffMayWork(staff, app.state, service.section) && app.claimHolderId === staff.id);
  const open = pauses.find((p) => p.endedAt === null);
  const special = open && open.reason !== 'correction' ? open : undefined;
  const max = Math.min(MAX_EXTENSION_WORKING_DAYS, service.legalLimit.unit === 'working' ? service.extensionDays : 0);
  return {
    startSpecialProcedure: mayRun && !open,
    endSpecialProcedure: mayRun && special ? { kind: special.reason, since: special.startedAt.toISOString() } : null,
    extension: head && app.extensionWorkingDays === 0 && max > 0 ? { max } : null,
  };
}

/**
 * The clock as the case page shows it: the due date in words and colour, working days elapsed
 * (pauses left out), working days the clock stood still, remaining working days, the limits.
 */
export function clockModel(
  view: ApplicationView,
  app: ApplicationEntity,
  pauses: ApplicationPauseEntity[],
  service: ServiceDefinition,
  t: Translate,
  now = new Date(),
  calendar: WorkingCalendar = bureauCalendar(),
) {
  const start = app.acceptedAt ?? app.submittedAt;
  const finished = view.clock.workingDaysLeft === undefined;
  const readAt = finished ? (app.decidedAt ?? app.updatedAt) : now;
  let elapsed: number | null = null;
  let paused = 0;
  if (start && readAt.getTime() >= start.getTime()) {
    const clipped = pauses
      .map((p) => ({ from: new Date(Math.max(p.startedAt.getTime(), start.getTime())), to: new Date(Math.min((p.endedAt ?? readAt).getTime(), readAt.getTime())) }))
      .filter((p) => p.to.getTime() > p.from.getTime());
    paused = calendar.pausedWorkingDays(clipped, readAt);
    elapsed = Math.max(0, calendar.workingDaysBetween(start, readAt) - paused);
  }
  const open = pauses.find((p) => p.endedAt === null);
  return {
    due: dueWords(view.clock, t),
    running: Boolean(start) && !finished,
    finished: Boolean(start) && finished,
    phase: app.acceptedAt ? t('bo.clock.phase_decision') : t('bo.clock.phase_acceptance'),
    startedAt: start ? start.toISOString() : null,
    elapsed: elapsed === null ? null : t(elapsed === 1 ? 'bo.clock.working_days_one' : 'bo.clock.working_days', { days: elapsed }),
    paused: t(paused === 1 ? 'bo.clock.working_days_one' : 'bo.clock.working_days', { days: paused }),
    pausedNow: open ? { reason: t(`bo.pause.${open.reason}`), since: open.startedAt.toISOString() } : null,
    // Shown while paused too: the due time moves with each working day lost, so what is left stands still.
    remaining: finished || view.clock.workingDaysLeft === undefined ? null : daysLeftWords(view.clock.workingDaysLeft, t),
    promisedLimit: limitWords(promisedLimitOf(app, service), t),
    legalLimit: limitWords(service.legalLimit, t),
    extension: app.extensionWorkingDays > 0 ? t(app.extensionWorkingDays === 1 ? 'bo.clock.working_days_one' : 'bo.clock.working_days', { days: app.extensionWorkingDays }) : null,
  };
}

export interface AnswerSection {
  key: string;
  title: string;
  rows: AnswerRow[];
}

/** The form's answers page by page, as the applicant gave them (ID numbers in full, for checking against the scans). */
export function answerSections(serviceCode: string, form: Record<string, unknown>, t: Translate): AnswerSection[] {
  const schema = schemaOf(serviceCode);
  return stepsOf(serviceCode).map((step) => {
    const fields = buildFields({ schema, serviceCode, t }, step.fields, form, {});
    return { key: step.key, title: stepTitle(serviceCode, step, t, fields[0]?.label), rows: answerRows(fields, t, '', { mask: false }) };
  });
}

const PREVIEWABLE_IMAGES = new Set(['image/png', 'image/jpeg']);
/** The catalogue's short name of each file type materials may be uploaded as. */
const FILE_TYPE_KEYS: Record<string, string> = { 'application/pdf': 'pdf', 'application/ofd': 'ofd', 'image/png': 'png', 'image/jpeg': 'jpeg' };

/** The checklist: each material with its files (images and PDFs previewed in the page), required or not, or held by the bureau. */
export function materialsModel(view: ApplicationView, service: ServiceDefinition, waived: readonly string[], locale: 'en' | 'zh-CN', t: Translate) {
  return service.materials.map((m) => {
    const uploaded = view.materials.find((u) => u.code === m.code)?.uploaded ?? [];
    return {
      code: m.code,
      name: locale === 'en' ? m.nameEn : m.name,
      condition: locale === 'en' ? m.conditionEn : m.condition,
      required: isMaterialRequired(m, view.form),
      waived: waived.includes(m.code),
      files: uploaded.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        size: t('bo.case.size_kb', { kb: Math.max(1, Math.ceil(f.sizeBytes / 1024)) }),
        uploadedAt: f.uploadedAt,
        href: `/cases/${view.id}/materials/${f.id}`,
        // A PDF is shown inside the page from its preview route (the other files are downloads or images).
        previewHref: f.mimeType === 'application/pdf' ? `/cases/${view.id}/materials/${f.id}/preview` : null,
        image: PREVIEWABLE_IMAGES.has(f.mimeType),
        type: FILE_TYPE_KEYS[f.mimeType] ? t(`bo.file_type.${FILE_TYPE_KEYS[f.mimeType]}`) : f.mimeType,
      })),
    };
  });
}
