import { SERVICES, TimeLimit, toShanghaiIso, WorkingCalendar } from '@onewindow/domain';
import { ClockRecord, dueAtDecision, greenAt, isDecision } from './decision-timing';
import { daysOf, Period } from './period';
import { Distribution, distributionOf, rateOf } from './stats';

/** Audit events a monthly report reads (the actions below, within the month). */
export const REPORT_ACTIONS = [
  'submit',
  'accept',
  'precheck_fail',
  'request_correction',
  'refuse',
  'approve',
  'deny',
  'issued',
  'withdraw',
  'extend',
] as const;

export interface ReportEvent {
  applicationId: string;
  action: string;
  toState: string | null;
  at: Date;
}

export interface ReportPause {
  applicationId: string;
  serviceCode: string;
  reason: string;
  startedAt: Date;
  endedAt: Date;
}

export interface ReportSealOrder {
  openedAt: Date;
  deliveredAt: Date | null;
}

export interface ReportRating {
  level: number;
  createdAt: Date;
  /** null for a good rating; set for a poor one (≤ 2), which opens a follow-up. */
  followUpStatus: string | null;
  respondedAt: Date | null;
}

/** Everything a month's figures are computed from: audit events, stored clock records, the calendar. */
export interface MonthlyReportInput {
  period: Period;
  generatedAt: Date;
  calendar: WorkingCalendar;
  /** The month's events of REPORT_ACTIONS, in order. */
  events: ReportEvent[];
  /** Clock records of every file an event names. */
  records: Map<string, ClockRecord>;
  /** Every clerk correction (request_correction) of those files up to the month's end, for their order. */
  clerkCorrections: Array<{ applicationId: string; at: Date }>;
  /** Pauses that ended within the month. */
  pausesEnded: ReportPause[];
  sealOrders: ReportSealOrder[];
  /** null when the ratings table does not exist in this database. */
  ratings: ReportRating[] | null;
}

export interface ServiceFigures {
  serviceCode: string;
  serviceName: string;
  /** First submissions within the month. */
  received: number;
  accepted: number;
  /** Files sent back for correction within the month (automatic precheck or clerk list). */
  corrected: number;
  /** Files that got a second (or later) clerk correction within the month. */
  correctedTwice: number;
  /** 不予受理. */
  refused: number;
  /** 准予许可 (for investment filing: recorded on acceptance). */
  approved: number;
  /** 不予许可. */
  denied: number;
  issued: number;
  withdrawn: number;
  /** Refused + approved + denied. */
  decided: number;
  decidedOnTime: number;
  onTimeRate: number | null;
  /** Working days from submission to issue of the files issued within the month. */
  processingDays: Distribution;
  promisedLimit: TimeLimit | null;
  /** Working days lost to pauses that ended within the month. */
  pausedWorkingDays: number;
  extensions: number;
  /** Received within the month and filed by staff on the applicant's behalf (帮办、代办). */
  assisted: number;
  /** Received within the month and in the green channel by its end. */
  greenChannel: number;
}

export interface SlowFile {
  applicationId: string;
  number: string;
  serviceCode: string;
  serviceName: string;
  entityName: string | null;
  submittedAt: string;
  issuedAt: string;
  workingDays: number;
  promisedLimit: TimeLimit | null;
  /** Each reason worded in Chinese (`text`) and as facts a page words in its own language. */
  reasons: Array<{
    kind: 'correction' | 'special_procedure' | 'extension' | 'late_decision' | 'issue_wait' | 'none';
    text: string;
    workingDays?: number;
    /** correction: how many times one was asked. */
    count?: number;
    /** special_procedure: expert_review, hearing or public_notice. */
    procedure?: string;
    /** extension: the reason the head gave. */
    note?: string;
  }>;
}

export interface MonthlyReport {
  month: string;
  period: { from: string; to: string; workingDays: number };
  generatedAt: string;
  /** False while the month is not over: the figures may still change and nothing is stored. */
  final: boolean;
  services: ServiceFigures[];
  total: ServiceFigures;
  daily: Array<{ date: string; working: boolean; submitted: number; issued: number }>;
  pauses: Record<'correction' | 'expert_review' | 'hearing' | 'public_notice', { count: number; workingDays: number }>;
  ratings: {
    /** False when this database has no ratings yet (the table is missing): every figure is then 0. */
    available: boolean;
    count: number;
    /** By level: 5 非常满意 … 1 非常不满意. */
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
    /** 非常满意 + 满意 + 基本满意 over all ratings of the month. */
    satisfiedShare: number | null;
    followUpsOpened: number;
    /** Poor ratings (from any month) without a response at the month's end. */
    openFollowUps: number;
  };
  sealCarving: {
    opened: number;
    delivered: number;
    /** Working days from opening to delivery of the orders delivered within the month. */
    daysToDelivery: Distribution;
    openAtMonthEnd: number;
  };
  slowest: SlowFile[];
}

const PAUSE_KINDS = ['correction', 'expert_review', 'hearing', 'public_notice'] as const;
/** The pauses' names in the report's own words (stored reports, CSV and PDF are in Chinese); pages translate the kinds. */
export const PAUSE_NAMES: Record<string, string> = { correction: '补正', expert_review: '专家评审', hearing: '听证', public_notice: '公示' };
const SPECIAL_PROCEDURE_KINDS = ['expert_review', 'hearing', 'public_notice'];
const SLOWEST = 10;

interface Tally {
  received: Set<string>;
  accepted: number;
  corrected: Set<string>;
  correctedTwice: Set<string>;
  refused: number;
  approved: number;
  denied: number;
  issued: number;
  withdrawn: number;
  decidedOnTime: number;
  processing: number[];
  pausedWorkingDays: number;
  extensions: number;
  assisted: number;
  greenChannel: number;
}

function newTally(): Tally {
  return {
    received: new Set(),
    accepted: 0,
    corrected: new Set(),
    correctedTwice: new Set(),
    refused: 0,
    approved: 0,
    denied: 0,
    issued: 0,
    withdrawn: 0,
    decidedOnTime: 0,
    processing: [],
    pausedWorkingDays: 0,
    extensions: 0,
    assisted: 0,
    greenChannel: 0,
  };
}

function figuresOf(serviceCode: string, serviceName: string, t: Tally, promisedLimit: TimeLimit | null): ServiceFigures {
  const decided = t.refused + t.approved + t.denied;
  return {
    serviceCode,
    serviceName,
    received: t.received.size,
    accepted: t.accepted,
    corrected: t.corrected.size,
    correctedTwice: t.correctedTwice.size,
    refused: t.refused,
    approved: t.approved,
    denied: t.denied,
    issued: t.issued,
    withdrawn: t.withdrawn,
    decided,
    decidedOnTime: t.decidedOnTime,
    onTimeRate: rateOf(t.decidedOnTime, decided),
    processingDays: distributionOf(t.processing),
    promisedLimit,
    pausedWorkingDays: t.pausedWorkingDays,
    extensions: t.extensions,
    assisted: t.assisted,
    greenChannel: t.greenChannel,
  };
}

/**
 * The monthly business-environment report (营商环境建设工作月报告), computed only from the audit
 * events and the stored clock records with the calendar given, so the same input always gives the
 * same figures. Definitions: a figure counts the month's events (a file submitted in October and
 * issued in November counts as received in October and issued in November); working days count
 * the days after the start's date up to the end's (WorkingCalendar.workingDaysBetween).
 */
export function computeMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { period, calendar, records } = input;
  const tallies = new Map<string, Tally>(SERVICES.map((s) => [s.code, newTally()]));
  const tallyOf = (serviceCode: string) => {
    let t = tallies.get(serviceCode);
    if (!t) tallies.set(serviceCode, (t = newTally()));
    return t;
  };
  const days = daysOf(period);
  const daily = new Map(days.map((date) => [date, { date, working: calendar.isWorkingDay(date), submitted: 0, issued: 0 }]));
  const dayOf = (at: Date) => daily.get(calendar.localDateOf(at));

  // The order of each clerk correction of a file, to tell a second one.
  const clerkOrder = new Map<string, number[]>();
  for (const c of [...input.clerkCorrections].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const list = clerkOrder.get(c.applicationId) ?? [];
    list.push(c.at.getTime());
    clerkOrder.set(c.applicationId, list);
  }

  const issuedFiles: Array<{ record: ClockRecord; issuedAt: Date }> = [];
  for (const e of input.events) {
    const record = records.get(e.applicationId);
    if (!record) continue;
    const t = tallyOf(record.serviceCode);
    switch (e.action) {
      case 'submit':
        if (!t.received.has(record.id)) {
          t.received.add(record.id);
          if (record.filedByAccountId) t.assisted++;
          if (greenAt(record, period.to)) t.greenChannel++;
          const day = dayOf(e.at);
          if (day) day.submitted++;
        }
        break;
      case 'accept':
        t.accepted++;
        break;
      case 'precheck_fail':
        t.corrected.add(record.id);
        break;
      case 'request_correction': {
        t.corrected.add(record.id);
        const order = (clerkOrder.get(record.id) ?? []).filter((at) => at <= e.at.getTime()).length;
        if (order >= 2) t.correctedTwice.add(record.id);
        break;
      }
      case 'refuse':
        t.refused++;
        break;
      case 'deny':
        t.denied++;
        break;
      case 'approve':
        t.approved++;
        break;
      case 'withdraw':
        t.withdrawn++;
        break;
      case 'extend':
        t.extensions++;
        break;
      case 'issued': {
        t.issued++;
        const day = dayOf(e.at);
        if (day) day.issued++;
        if (record.submittedAt) {
          t.processing.push(calendar.workingDaysBetween(record.submittedAt, e.at));
          issuedFiles.push({ record, issuedAt: e.at });
        }
        break;
      }
    }
    if (e.action === 'accept' && isDecision(e.action, e.toState)) t.approved++;
    if (isDecision(e.action, e.toState)) {
      const due = dueAtDecision(record, e.at, calendar);
      if (due && e.at.getTime() <= due.getTime()) t.decidedOnTime++;
    }
  }

  const pauses = Object.fromEntries(PAUSE_KINDS.map((k) => [k, { count: 0, workingDays: 0 }])) as MonthlyReport['pauses'];
  for (const p of input.pausesEnded) {
    const lost = calendar.pausedWorkingDays([{ from: p.startedAt, to: p.endedAt }], p.endedAt);
    const kind = pauses[p.reason as keyof MonthlyReport['pauses']];
    if (kind) {
      kind.count++;
      kind.workingDays += lost;
    }
    tallyOf(p.serviceCode).pausedWorkingDays += lost;
  }

  const services = SERVICES.map((s) => figuresOf(s.code, s.name, tallyOf(s.code), s.promisedLimit));
  const all = newTally();
  for (const t of tallies.values()) {
    for (const id of t.received) all.received.add(id);
    for (const id of t.corrected) all.corrected.add(id);
    for (const id of t.correctedTwice) all.correctedTwice.add(id);
    all.processing.push(...t.processing);
    for (const key of ['accepted', 'refused', 'approved', 'denied', 'issued', 'withdrawn', 'decidedOnTime', 'pausedWorkingDays', 'extensions', 'assisted', 'greenChannel'] as const) {
      all[key] += t[key];
    }
  }

  return {
    month: period.label,
    period: { from: toShanghaiIso(period.from), to: toShanghaiIso(period.to), workingDays: days.filter((d) => calendar.isWorkingDay(d)).length },
    generatedAt: toShanghaiIso(input.generatedAt),
    final: input.generatedAt.getTime() >= period.to.getTime(),
    services,
    total: figuresOf('total', '合计', all, null),
    daily: [...daily.values()],
    pauses,
    ratings: ratingsOf(input.ratings, period),
    sealCarving: sealCarvingOf(input.sealOrders, period, calendar),
    slowest: slowestOf(issuedFiles, input, clerkOrder),
  };
}

function ratingsOf(rows: ReportRating[] | null, period: Period): MonthlyReport['ratings'] {
  const distribution: MonthlyReport['ratings']['distribution'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  if (!rows) return { available: false, count: 0, distribution, satisfiedShare: null, followUpsOpened: 0, openFollowUps: 0 };
  const inMonth = rows.filter((r) => r.createdAt >= period.from && r.createdAt < period.to);
  for (const r of inMonth) distribution[String(r.level) as keyof typeof distribution]++;
  const end = period.to.getTime();
  return {
    available: true,
    count: inMonth.length,
    distribution,
    satisfiedShare: rateOf(inMonth.filter((r) => r.level >= 3).length, inMonth.length),
    followUpsOpened: inMonth.filter((r) => r.followUpStatus !== null).length,
    openFollowUps: rows.filter((r) => r.followUpStatus !== null && r.createdAt.getTime() < end && (!r.respondedAt || r.respondedAt.getTime() >= end)).length,
  };
}

function sealCarvingOf(orders: ReportSealOrder[], period: Period, calendar: WorkingCalendar): MonthlyReport['sealCarving'] {
  const within = (at: Date | null) => !!at && at >= period.from && at < period.to;
  const delivered = orders.filter((o) => within(o.deliveredAt));
  return {
    opened: orders.filter((o) => within(o.openedAt)).length,
    delivered: delivered.length,
    daysToDelivery: distributionOf(delivered.map((o) => calendar.workingDaysBetween(o.openedAt, o.deliveredAt!))),
    openAtMonthEnd: orders.filter((o) => o.openedAt < period.to && (!o.deliveredAt || o.deliveredAt >= period.to)).length,
  };
}

function slowestOf(issued: Array<{ record: ClockRecord; issuedAt: Date }>, input: MonthlyReportInput, clerkOrder: Map<string, number[]>): SlowFile[] {
  const { calendar } = input;
  const rows = issued.map(({ record, issuedAt }) => ({ record, issuedAt, workingDays: calendar.workingDaysBetween(record.submittedAt!, issuedAt) }));
  rows.sort((a, b) => b.workingDays - a.workingDays || a.record.number.localeCompare(b.record.number));
  const precheckCorrections = new Map<string, number>();
  for (const e of input.events) if (e.action === 'precheck_fail') precheckCorrections.set(e.applicationId, (precheckCorrections.get(e.applicationId) ?? 0) + 1);
  return rows.slice(0, SLOWEST).map(({ record, issuedAt, workingDays }) => {
    const service = SERVICES.find((s) => s.code === record.serviceCode);
    const reasons: SlowFile['reasons'] = [];
    const closed = record.pauses.filter((p) => p.endedAt && p.endedAt <= issuedAt) as Array<{ reason: string; startedAt: Date; endedAt: Date }>;
    const lostTo = (pauses: typeof closed) => calendar.pausedWorkingDays(pauses.map((p) => ({ from: p.startedAt, to: p.endedAt })), issuedAt);
    const corrections = (clerkOrder.get(record.id)?.filter((at) => at <= issuedAt.getTime()).length ?? 0) + (precheckCorrections.get(record.id) ?? 0);
    const correctionPauses = closed.filter((p) => p.reason === 'correction');
    if (corrections > 0 || correctionPauses.length > 0) {
      const lost = lostTo(correctionPauses);
      const count = Math.max(corrections, correctionPauses.length);
      reasons.push({ kind: 'correction', text: `补正${count}次，暂停${lost}个工作日`, workingDays: lost, count });
    }
    for (const kind of SPECIAL_PROCEDURE_KINDS) {
      const procedure = closed.filter((p) => p.reason === kind);
      if (procedure.length === 0) continue;
      const lost = lostTo(procedure);
      reasons.push({ kind: 'special_procedure', text: `${PAUSE_NAMES[kind]}${lost}个工作日`, workingDays: lost, procedure: kind });
    }
    if (record.extensionWorkingDays > 0) {
      reasons.push({
        kind: 'extension',
        text: `延长审查期限${record.extensionWorkingDays}个工作日${record.extensionReason ? `（${record.extensionReason}）` : ''}`,
        workingDays: record.extensionWorkingDays,
        ...(record.extensionReason ? { note: record.extensionReason } : {}),
      });
    }
    const decidedAt = record.decidedAt ?? record.acceptedAt;
    if (decidedAt) {
      const due = dueAtDecision(record, decidedAt, calendar);
      if (due && decidedAt > due) {
        const late = calendar.workingDaysBetween(due, decidedAt);
        reasons.push({ kind: 'late_decision', text: `超过承诺时限${late}个工作日作出决定`, workingDays: late });
      }
      const wait = calendar.workingDaysBetween(decidedAt, issuedAt);
      if (wait >= 2) reasons.push({ kind: 'issue_wait', text: `决定后${wait}个工作日才发证`, workingDays: wait });
    }
    if (reasons.length === 0) reasons.push({ kind: 'none', text: '无补正、暂停或延期，按时限正常办理' });
    return {
      applicationId: record.id,
      number: record.number,
      serviceCode: record.serviceCode,
      serviceName: service?.name ?? record.serviceCode,
      entityName: record.entityName,
      submittedAt: toShanghaiIso(record.submittedAt!),
      issuedAt: toShanghaiIso(issuedAt),
      workingDays,
      promisedLimit: service?.promisedLimit ?? null,
      reasons,
    };
  });
}
