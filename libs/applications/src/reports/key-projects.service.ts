import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  amountToTenThousandths,
  ApplicationState,
  formatTenThousandths,
  isLocalDate,
  isProjectCode,
  SERVICES,
  shanghaiDateOf,
  toShanghaiIso,
} from '@onewindow/domain';
import { ForbiddenError, NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import { KeyProjectEntity } from '@onewindow/persistence';
import { appendAuditEvent } from '../audit-log';
import { CalendarService } from '../calendar.service';
import { isUuid, type ApplicantAccount } from '../applicant-applications.service';
import type { StaffAccount } from '../staff-workflow.service';
import { dueAtDecision, isDecision, loadClockRecords } from './decision-timing';
import { isoWeekOf, monthPeriod, Period, quarterPeriod } from './period';
import { PAUSE_NAMES } from './monthly-report';
import { percentText, rateOf } from './stats';

/**
 * The register keeps investment as numeric(14,4): at most ten whole digits of 万元. More is no
 * real project (the district's largest is 120000) and would overflow the column.
 */
const INVESTMENT_LIMIT_TEN_THOUSANDTHS = 10n ** 14n;
const investmentFits = (amount: string) => {
  const units = amountToTenThousandths(amount);
  return units !== null && units < INVESTMENT_LIMIT_TEN_THOUSANDTHS;
};

/** A project's permits in the order they are obtained (DESIGN.md: the project code links them). */
export const PERMIT_STEPS = ['investment-filing', 'land-planning', 'engineering-planning', 'construction'] as const;
export type PermitStep = (typeof PERMIT_STEPS)[number];

/** Who may keep the register's details (the roles that may mark a key project). */
const REGISTER_ROLES = ['window_clerk', 'section_head', 'administrator'];
const RUNNING_STATES: readonly string[] = ['submitted', 'awaiting_acceptance', 'under_review'];
const SECTIONS = [...new Map(SERVICES.map((s) => [s.section, { code: s.section, name: s.sectionName }])).values()];

/**
 * 开工 as of the end of a local day ($day): the start of works recorded by that day, and the project's construction
 * permit issued by then and not revoked by then (a file revoked since still counted on that day, by its licence's
 * revocation time). Read from stored times alone, so a past day's answer never changes.
 */
const STARTED_AS_OF = `k.started_on <= $day::date AND EXISTS (
  SELECT 1 FROM applications a LEFT JOIN licenses l ON l.application_id = a.id
   WHERE a.project_code = k.project_code AND a.service_code = 'construction'
     AND a.issued_at < ($day::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
     AND (a.state = 'issued' OR (a.state = 'revoked' AND l.revoked_at >= ($day::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')))`;
const startedAsOf = (param: string) => STARTED_AS_OF.replace(/\$day/g, param);

export interface PermitProgress {
  step: PermitStep;
  serviceName: string;
  /** 'not_filed', or the state of the project's file for this permit (the issued one if any, else the latest). */
  status: 'not_filed' | ApplicationState;
  applicationId?: string;
  number?: string;
  licenseNumber?: string;
  submittedAt?: string;
  issuedAt?: string;
  dueAt?: string;
  /** What holds the permit up now, if anything. */
  problem?: PermitProblem;
}

export interface PermitProblem {
  kind: 'correction' | 'special_procedure' | 'overdue' | 'not_accepted' | 'denied';
  /** Blocked: waiting on the applicant or a procedure, or refused and not filed again; overdue: past its due time. */
  severity: 'blocked' | 'overdue';
  text: string;
  since?: string;
  /** special_procedure: expert_review, hearing or public_notice. */
  procedure?: string;
  /** overdue: working days past the due time (or the planned start). */
  workingDays?: number;
}

export interface KeyProjectView {
  projectCode: string;
  name: string;
  owner: string | null;
  /** 万元, as a decimal string. */
  investment: string | null;
  plannedStart: string | null;
  section: { code: string; name: string } | null;
  helpers: Array<{ id: string; name: string; username: string | null }>;
  reason: string;
  registeredAt: string;
  started: boolean;
  /** The start date as recorded; `started` also needs the construction permit, issued and not revoked. */
  startedOn: string | null;
  startRecordedAt: string | null;
  startRecordedBy: { id: string; name: string } | null;
  permits: PermitProgress[];
  /** Permits issued, of the four. */
  permitsIssued: number;
}

/** What the owner of a key project's construction permit file sees of its start of works. */
export interface OwnerStartView {
  applicationId: string;
  projectCode: string;
  name: string;
  /** The state of the owner's file: the start can be recorded from an issued permit. */
  fileState: ApplicationState;
  startedOn: string | null;
}

interface ProjectFile {
  id: string;
  number: string;
  service_code: string;
  state: ApplicationState;
  submitted_at: Date | null;
  issued_at: Date | null;
  due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  project_code: string;
  license_number: string | null;
  revoked_at: Date | null;
  owner_account_id: string;
}

/** numeric(14,4) reads back as '27700.0000': shown as the shortest decimal, '27700'. */
const amountText = (value: string | null) => (value === null ? null : formatTenThousandths(amountToTenThousandths(value) ?? 0n));

/**
 * The key-project register (重点项目): the projects, each project's permits along the chain
 * investment filing → land planning → engineering planning → construction, the start of works its
 * helper records, and what leadership follows — the start rate (开复工率), the weekly dispatch list
 * (周调度), the monthly bulletin (月通报) and the quarterly assessment of sections (季考核).
 */
@Injectable()
export class KeyProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async list(now: Date = new Date()): Promise<KeyProjectView[]> {
    return this.views(this.dataSource.manager, null, now);
  }

  async get(projectCode: string, now: Date = new Date()): Promise<KeyProjectView & { applications: Array<{ id: string; number: string; serviceCode: string; state: string; submittedAt: string | null }> }> {
    if (!isProjectCode(projectCode)) throw new NotFoundError();
    const [view] = await this.views(this.dataSource.manager, [projectCode], now);
    if (!view) throw new NotFoundError();
    const files = await this.filesOf(this.dataSource.manager, [projectCode]);
    return {
      ...view,
      applications: files.map((f) => ({ id: f.id, number: f.number, serviceCode: f.service_code, state: f.state, submittedAt: f.submitted_at ? toShanghaiIso(f.submitted_at) : null })),
    };
  }

  /** Sets the register's details of a project already marked key (POST /api/key-projects marks it). */
  async update(
    staff: StaffAccount,
    projectCode: string,
    input: { owner?: string | null; investment?: string | null; plannedStart?: string | null; section?: string | null },
  ): Promise<KeyProjectView> {
    if (!staff.roles.some((role) => REGISTER_ROLES.includes(role))) throw new ForbiddenError();
    if (!isProjectCode(projectCode)) throw new NotFoundError();
    const fields: Record<string, string> = {};
    // PostgreSQL text cannot hold NUL; other control characters have no place in a company's name either.
    if (typeof input.owner === 'string' && /[\u0000-\u001f]/.test(input.owner)) fields.owner = 'fields.invalid';
    if (input.investment !== undefined && input.investment !== null && !investmentFits(input.investment)) fields.investment = 'fields.invalid';
    if (input.plannedStart !== undefined && input.plannedStart !== null && !isLocalDate(input.plannedStart)) fields.plannedStart = 'fields.invalid';
    if (input.section !== undefined && input.section !== null && !SECTIONS.some((s) => s.code === input.section)) fields.section = 'fields.invalid';
    if (Object.keys(fields).length) throw new ValidationFailedError(fields);
    return this.dataSource.transaction(async (em) => {
      const project = await em.getRepository(KeyProjectEntity).findOne({ where: { projectCode }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw new NotFoundError();
      const changes: Partial<KeyProjectEntity> = {};
      if (input.owner !== undefined) changes.owner = input.owner?.trim() || null;
      if (input.investment !== undefined) changes.investment = input.investment;
      if (input.plannedStart !== undefined) changes.plannedStart = input.plannedStart;
      if (input.section !== undefined) changes.section = input.section;
      if (Object.keys(changes).length) await em.getRepository(KeyProjectEntity).update({ projectCode }, changes);
      await appendAuditEvent(em, { applicationId: null, actor: staff, action: 'key_project_updated', data: { projectCode, ...changes } });
      return (await this.views(em, [projectCode], new Date()))[0];
    });
  }

  /**
   * Records the start of works (开工): by one of the project's 帮办 helpers, an administrator entering what the owner
   * declared, or the owner itself — the applicant account that holds the project's construction permit file. A
   * project can start only once its construction permit is issued.
   */
  async recordStart(actor: StaffAccount | ApplicantAccount, projectCode: string, input: { startedOn: string }, now: Date = new Date()): Promise<KeyProjectView> {
    if (actor.kind === 'staff' && !actor.roles.includes('helper') && !actor.roles.includes('administrator')) throw new ForbiddenError();
    if (!isProjectCode(projectCode)) throw new NotFoundError();
    if (!isLocalDate(input.startedOn)) throw new ValidationFailedError({ startedOn: 'fields.invalid' });
    if (input.startedOn > shanghaiDateOf(now)) throw new ValidationFailedError({ startedOn: 'fields.date_in_future' });
    return this.dataSource.transaction(async (em) => {
      const project = await em.getRepository(KeyProjectEntity).findOne({ where: { projectCode }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw new NotFoundError();
      const construction = (await this.filesOf(em, [projectCode])).filter((f) => f.service_code === 'construction');
      if (actor.kind === 'applicant') {
        // An applicant who holds none of the project's construction files learns nothing of the register.
        if (!construction.some((f) => f.owner_account_id === actor.id)) throw new NotFoundError();
      } else if (!actor.roles.includes('administrator') && !project.helperIds.includes(actor.id)) {
        throw new ForbiddenError('errors.not_project_helper');
      }
      if (project.startedOn) throw new TransitionRefusedError('project_already_started');
      const permit = construction.find((f) => f.state === 'issued' && !f.revoked_at);
      if (!permit?.issued_at) throw new TransitionRefusedError('construction_permit_not_issued');
      if (input.startedOn < shanghaiDateOf(permit.issued_at)) throw new TransitionRefusedError('start_before_permit', {}, { startedOn: 'rules.start_before_permit' });
      await em.getRepository(KeyProjectEntity).update({ projectCode }, { startedOn: input.startedOn, startRecordedBy: actor.id, startRecordedAt: now });
      await appendAuditEvent(em, { applicationId: null, actor, action: 'key_project_started', data: { projectCode, startedOn: input.startedOn }, at: now });
      return (await this.views(em, [projectCode], now))[0];
    });
  }

  /**
   * The start of works as the owner sees it from one of their own files: null unless the file is theirs, a
   * construction permit file, of a project in the register. Never says more of the register than its own project.
   */
  async startOfWorksOf(applicant: ApplicantAccount, applicationId: string): Promise<OwnerStartView | null> {
    if (!isUuid(applicationId)) return null;
    const [row]: Array<{ state: ApplicationState; project_code: string; name: string; started_on: string | null }> = await this.dataSource.query(
      `SELECT a.state, k.project_code, k.name, k.started_on::text AS started_on
         FROM applications a JOIN key_projects k ON k.project_code = a.project_code
        WHERE a.id = $1 AND a.owner_account_id = $2 AND a.service_code = 'construction'`,
      [applicationId, applicant.id],
    );
    return row ? { applicationId, projectCode: row.project_code, name: row.name, fileState: row.state, startedOn: row.started_on } : null;
  }

  /** The owner records the start of works from their construction permit file (see recordStart); 404 for any other file. */
  async recordStartOf(applicant: ApplicantAccount, applicationId: string, input: { startedOn: string }, now: Date = new Date()): Promise<OwnerStartView> {
    const own = await this.startOfWorksOf(applicant, applicationId);
    if (!own) throw new NotFoundError();
    const view = await this.recordStart(applicant, own.projectCode, input, now);
    return { ...own, startedOn: view.startedOn };
  }

  /** 开复工率: started (see STARTED_AS_OF) ÷ registered, as of a local date (default today). */
  async startRate(asOf?: string): Promise<{ asOf: string; total: number; started: number; rate: number | null; percent: string }> {
    const day = asOf ?? shanghaiDateOf(new Date());
    if (!isLocalDate(day)) throw new ValidationFailedError({ asOf: 'fields.invalid' });
    const [row]: Array<{ total: number; started: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${startedAsOf('$1')})::int AS started
         FROM key_projects k WHERE k.created_at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [day],
    );
    return { asOf: day, total: row.total, started: row.started, rate: rateOf(row.started, row.total), percent: percentText(row.started, row.total) };
  }

  /** 周调度: the projects with a blocked or overdue permit, or past their planned start without starting, this week. */
  async dispatch(now: Date = new Date()): Promise<{
    week: string;
    from: string;
    to: string;
    asOf: string;
    items: Array<Pick<KeyProjectView, 'projectCode' | 'name' | 'owner' | 'section' | 'helpers' | 'plannedStart'> & { problems: Array<PermitProblem & { step?: PermitStep }> }>;
  }> {
    const today = shanghaiDateOf(now);
    const week = isoWeekOf(today);
    const views = await this.list(now);
    const items = views
      .map((v) => {
        const problems: Array<PermitProblem & { step?: PermitStep }> = v.permits.filter((p) => p.problem).map((p) => ({ step: p.step, ...p.problem! }));
        if (!v.started && v.plannedStart && v.plannedStart < today) {
          const late = this.calendars.current.workingDaysBetween(new Date(`${v.plannedStart}T12:00:00+08:00`), now);
          problems.push({ kind: 'overdue', severity: 'overdue', text: `计划${v.plannedStart}开工，已逾期${late}个工作日未开工`, since: v.plannedStart, workingDays: late });
        }
        return { projectCode: v.projectCode, name: v.name, owner: v.owner, section: v.section, helpers: v.helpers, plannedStart: v.plannedStart, problems };
      })
      .filter((item) => item.problems.length > 0)
      .sort((a, b) => Number(b.problems.some((p) => p.severity === 'blocked')) - Number(a.problems.some((p) => p.severity === 'blocked')) || a.projectCode.localeCompare(b.projectCode));
    return { week: week.label, from: week.firstDay, to: week.lastDay, asOf: toShanghaiIso(now), items };
  }

  /**
   * 月通报: the register at the month's end — projects, investment, starts (by the recorded start dates), the
   * month's permits and decisions, by section in charge — with each project's permits as they stand now.
   */
  async bulletin(month: string, now: Date = new Date()) {
    const period = monthPeriod(month);
    if (period.from > now) throw new ValidationFailedError({ month: 'fields.month_in_future' });
    const end = period.to < now ? period.lastDay : shanghaiDateOf(now);
    const views = (await this.list(now)).filter((v) => v.registeredAt < toShanghaiIso(period.to));
    const startedByEnd = await this.startedAsOf(this.dataSource.manager, end);
    const startedBy = (v: KeyProjectView) => startedByEnd.has(v.projectCode);
    const files = await this.filesOf(this.dataSource.manager, views.map((v) => v.projectCode));
    const issuedInMonth = files.filter((f) => f.issued_at && f.issued_at >= period.from && f.issued_at < period.to);
    const decisions = await this.decisionsOf(period, files.map((f) => f.id));
    const total = views.reduce((sum, v) => sum + (amountToTenThousandths(v.investment ?? '0') ?? 0n), 0n);
    return {
      month: period.label,
      asOf: end,
      final: now >= period.to,
      projects: views.length,
      investment: formatTenThousandths(total),
      started: views.filter(startedBy).length,
      startRate: { rate: rateOf(views.filter(startedBy).length, views.length), percent: percentText(views.filter(startedBy).length, views.length) },
      startedThisMonth: views.filter((v) => startedBy(v) && v.startedOn! >= period.firstDay).map((v) => ({ projectCode: v.projectCode, name: v.name, startedOn: v.startedOn })),
      permitsIssued: Object.fromEntries(PERMIT_STEPS.map((step) => [step, issuedInMonth.filter((f) => f.service_code === step).length])),
      decisions: { decided: decisions.decided, decidedOnTime: decisions.onTime, rate: rateOf(decisions.onTime, decisions.decided) },
      notStartedPastPlan: views
        .filter((v) => v.plannedStart && v.plannedStart <= end && !startedBy(v))
        .map((v) => ({ projectCode: v.projectCode, name: v.name, plannedStart: v.plannedStart, section: v.section })),
      bySection: SECTIONS.map((s) => {
        const mine = views.filter((v) => v.section?.code === s.code);
        return { section: s, projects: mine.length, started: mine.filter(startedBy).length, percent: percentText(mine.filter(startedBy).length, mine.length) };
      }).filter((s) => s.projects > 0),
      projectList: views.map((v) => ({
        projectCode: v.projectCode,
        name: v.name,
        owner: v.owner,
        investment: v.investment,
        section: v.section,
        startedOn: startedBy(v) ? v.startedOn : null,
        permits: v.permits.map((p) => ({ step: p.step, status: p.status })),
      })),
    };
  }

  /** 季考核: sections ranked by the share of decisions made on time in the quarter; key-project files beside. */
  async assessment(quarter: string, now: Date = new Date()) {
    const period = quarterPeriod(quarter);
    if (period.from > now) throw new ValidationFailedError({ quarter: 'fields.month_in_future' });
    const projects = await this.dataSource.getRepository(KeyProjectEntity).find();
    const codes = projects.map((p) => p.projectCode);
    const startedByEnd = await this.startedAsOf(this.dataSource.manager, period.lastDay);
    const keyFiles = new Set((await this.filesOf(this.dataSource.manager, codes)).map((f) => f.id));
    const rows: Array<{ application_id: string; action: string; to_state: string | null; at: Date }> = await this.dataSource.query(
      `SELECT application_id, action, to_state, at FROM audit_events
        WHERE at >= $1 AND at < $2 AND application_id IS NOT NULL AND action IN ('approve', 'deny', 'refuse', 'accept') ORDER BY at, id`,
      [period.from, period.to],
    );
    const decisionRows = rows.filter((r) => isDecision(r.action, r.to_state));
    const records = await loadClockRecords(this.dataSource.manager, decisionRows.map((r) => r.application_id));
    const sectionOf = new Map<string, string>(SERVICES.map((s) => [s.code, s.section]));
    const tally = new Map(SECTIONS.map((s) => [s.code, { decided: 0, onTime: 0, keyDecided: 0, keyOnTime: 0 }]));
    const calendar = this.calendars.current;
    for (const r of decisionRows) {
      const record = records.get(r.application_id);
      const t = record && tally.get(sectionOf.get(record.serviceCode) ?? '');
      if (!record || !t) continue;
      const due = dueAtDecision(record, r.at, calendar);
      const onTime = due !== null && r.at.getTime() <= due.getTime();
      t.decided++;
      if (onTime) t.onTime++;
      if (keyFiles.has(record.id)) {
        t.keyDecided++;
        if (onTime) t.keyOnTime++;
      }
    }
    const ranked = SECTIONS.map((s) => {
      const t = tally.get(s.code)!;
      const inCharge = projects.filter((p) => p.section === s.code);
      return {
        section: s,
        decided: t.decided,
        decidedOnTime: t.onTime,
        rate: rateOf(t.onTime, t.decided),
        percent: percentText(t.onTime, t.decided),
        keyProjects: { decided: t.keyDecided, decidedOnTime: t.keyOnTime, rate: rateOf(t.keyOnTime, t.keyDecided), inCharge: inCharge.length, started: inCharge.filter((p) => startedByEnd.has(p.projectCode)).length },
      };
    }).sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.decided - a.decided || a.section.code.localeCompare(b.section.code));
    let rank = 0;
    return {
      quarter: period.label,
      from: period.firstDay,
      to: period.lastDay,
      final: now >= period.to,
      sections: ranked.map((s, i) => {
        if (i === 0 || s.rate !== ranked[i - 1].rate) rank = i + 1;
        return { rank: s.rate === null ? null : rank, ...s };
      }),
    };
  }

  private async decisionsOf(period: Period, ids: string[]): Promise<{ decided: number; onTime: number }> {
    if (ids.length === 0) return { decided: 0, onTime: 0 };
    const rows: Array<{ application_id: string; action: string; to_state: string | null; at: Date }> = await this.dataSource.query(
      `SELECT application_id, action, to_state, at FROM audit_events
        WHERE application_id = ANY($1::uuid[]) AND at >= $2 AND at < $3 AND action IN ('approve', 'deny', 'refuse', 'accept')`,
      [ids, period.from, period.to],
    );
    const decisions = rows.filter((r) => isDecision(r.action, r.to_state));
    const records = await loadClockRecords(this.dataSource.manager, decisions.map((r) => r.application_id));
    let onTime = 0;
    for (const r of decisions) {
      const record = records.get(r.application_id);
      const due = record ? dueAtDecision(record, r.at, this.calendars.current) : null;
      if (due && r.at.getTime() <= due.getTime()) onTime++;
    }
    return { decided: decisions.length, onTime };
  }

  /** The projects started as of the end of a local day (STARTED_AS_OF), of these codes or of all. */
  private async startedAsOf(em: EntityManager, day: string, codes: string[] | null = null): Promise<Set<string>> {
    const rows: Array<{ project_code: string }> = await em.query(
      `SELECT k.project_code FROM key_projects k WHERE ($2::text[] IS NULL OR k.project_code = ANY($2::text[])) AND ${startedAsOf('$1')}`,
      [day, codes],
    );
    return new Set(rows.map((r) => r.project_code));
  }

  /** Every file carrying one of these project codes; the investment filing is the one whose licence number is the code. */
  private async filesOf(em: EntityManager, codes: string[]): Promise<ProjectFile[]> {
    if (codes.length === 0) return [];
    const columns = `a.id, a.number, a.service_code, a.state, a.submitted_at, a.issued_at, a.due_at, a.created_at, a.updated_at, a.owner_account_id, l.number AS license_number, l.revoked_at`;
    return em.query(
      `SELECT ${columns}, a.project_code FROM applications a LEFT JOIN licenses l ON l.application_id = a.id
        WHERE a.project_code = ANY($1::text[]) AND a.state <> 'draft'
       UNION
       SELECT ${columns}, l.number AS project_code FROM licenses l JOIN applications a ON a.id = l.application_id
        WHERE l.service_code = 'investment-filing' AND l.number = ANY($1::text[])
       ORDER BY created_at`,
      [codes],
    );
  }

  private async views(em: EntityManager, codes: string[] | null, now: Date): Promise<KeyProjectView[]> {
    const projects = await em.getRepository(KeyProjectEntity).find({ where: codes ? codes.map((projectCode) => ({ projectCode })) : {}, order: { createdAt: 'ASC', projectCode: 'ASC' } });
    if (projects.length === 0) return [];
    const files = await this.filesOf(em, projects.map((p) => p.projectCode));
    const started = await this.startedAsOf(em, shanghaiDateOf(now), codes);
    const staffIds = [...new Set(projects.flatMap((p) => [...p.helperIds, ...(p.startRecordedBy ? [p.startRecordedBy] : [])]))];
    const staff: Array<{ id: string; name: string; username: string | null }> = staffIds.length
      ? await em.query(`SELECT id, name, username FROM accounts WHERE id = ANY($1::uuid[])`, [staffIds])
      : [];
    const openPauses: Array<{ application_id: string; reason: string; started_at: Date }> = files.length
      ? await em.query(`SELECT application_id, reason, started_at FROM application_pauses WHERE ended_at IS NULL AND application_id = ANY($1::uuid[])`, [files.map((f) => f.id)])
      : [];
    const staffById = new Map(staff.map((s) => [s.id, s]));
    const pauseOf = new Map(openPauses.map((p) => [p.application_id, p]));
    return projects.map((p) => {
      const permits = PERMIT_STEPS.map((step) => this.progressOf(step, files.filter((f) => f.project_code === p.projectCode && f.service_code === step), pauseOf, now));
      const section = SECTIONS.find((s) => s.code === p.section) ?? null;
      const recorder = p.startRecordedBy ? staffById.get(p.startRecordedBy) : undefined;
      return {
        projectCode: p.projectCode,
        name: p.name,
        owner: p.owner,
        investment: amountText(p.investment),
        plannedStart: p.plannedStart,
        section,
        helpers: p.helperIds.map((id) => staffById.get(id) ?? { id, name: '', username: null }),
        reason: p.reason,
        registeredAt: toShanghaiIso(p.createdAt),
        started: started.has(p.projectCode),
        startedOn: p.startedOn,
        startRecordedAt: p.startRecordedAt ? toShanghaiIso(p.startRecordedAt) : null,
        startRecordedBy: recorder ? { id: recorder.id, name: recorder.name } : null,
        permits,
        permitsIssued: permits.filter((x) => x.status === 'issued').length,
      };
    });
  }

  private progressOf(step: PermitStep, files: ProjectFile[], pauseOf: Map<string, { reason: string; started_at: Date }>, now: Date): PermitProgress {
    const serviceName = SERVICES.find((s) => s.code === step)!.name;
    const issued = files.find((f) => f.state === 'issued' && !f.revoked_at);
    const file = issued ?? files[files.length - 1];
    if (!file) return { step, serviceName, status: 'not_filed' };
    const progress: PermitProgress = {
      step,
      serviceName,
      status: file.state,
      applicationId: file.id,
      number: file.number,
      ...(file.license_number ? { licenseNumber: file.license_number } : {}),
      ...(file.submitted_at ? { submittedAt: toShanghaiIso(file.submitted_at) } : {}),
      ...(file.issued_at ? { issuedAt: toShanghaiIso(file.issued_at) } : {}),
      ...(file.due_at && !issued ? { dueAt: toShanghaiIso(file.due_at) } : {}),
    };
    const pause = pauseOf.get(file.id);
    const since = (at: Date) => toShanghaiIso(at);
    if (file.state === 'correction_required') {
      progress.problem = { kind: 'correction', severity: 'blocked', text: `${serviceName}待申请人补正`, ...(pause ? { since: since(pause.started_at) } : {}) };
    } else if (pause && file.state === 'under_review') {
      progress.problem = { kind: 'special_procedure', severity: 'blocked', text: `${serviceName}处于特别程序（${PAUSE_NAMES[pause.reason] ?? pause.reason}）`, since: since(pause.started_at), procedure: pause.reason };
    } else if (RUNNING_STATES.includes(file.state) && file.due_at && file.due_at < now) {
      const late = this.calendars.current.workingDaysBetween(file.due_at, now);
      progress.problem = { kind: 'overdue', severity: 'overdue', text: `${serviceName}已超期${late}个工作日`, since: since(file.due_at), workingDays: late };
    } else if (file.state === 'not_accepted' || file.state === 'denied') {
      progress.problem = {
        kind: file.state,
        severity: 'blocked',
        text: `${serviceName}${file.state === 'denied' ? '不予许可' : '不予受理'}，尚未重新申请`,
        since: since(file.updated_at),
      };
    }
    return progress;
  }
}
