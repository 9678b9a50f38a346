import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationClock } from '@onewindow/domain';
import { NotFoundError } from '@onewindow/domain/errors';
import { ApplicationEntity } from '@onewindow/persistence';
import { Locale, translate } from '@onewindow/web';
import { clockOf } from './application-clock';
import { serviceOf } from './transition.service';

export interface TrackView {
  number: string;
  serviceName: string;
  state: string;
  stateLabel: string;
  submittedAt: string | null;
  clock: ApplicationClock;
  steps: Array<{ name: string; at?: string; done: boolean }>;
}

/** The public steps of a file, in order, and the audit actions that complete each. */
const STEPS: Array<{ key: string; actions: string[] }> = [
  { key: 'submitted', actions: ['submit'] },
  { key: 'accepted', actions: ['accept'] },
  { key: 'decided', actions: ['approve', 'deny', 'refuse'] },
  { key: 'sealed', actions: ['seal'] },
  { key: 'issued', actions: ['issued'] },
];

const STEP_ACTIONS = STEPS.flatMap((s) => s.actions);

const STEP_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  submitted: { 'zh-CN': '提交申请', en: 'Submitted' },
  accepted: { 'zh-CN': '窗口受理', en: 'Accepted' },
  decided: { 'zh-CN': '审查决定', en: 'Decided' },
  sealed: { 'zh-CN': '用印', en: 'Sealed' },
  issued: { 'zh-CN': '发证办结', en: 'Licence issued' },
};

/** What the look-up reads of a file: the columns its clock and steps need, nothing personal. */
interface TrackRow extends Pick<
  ApplicationEntity,
  'number' | 'serviceCode' | 'state' | 'submittedAt' | 'acceptedAt' | 'decidedAt' | 'updatedAt' | 'extensionWorkingDays' | 'greenChannel' | 'promisedDays' | 'greenChannelDays'
> {
  events: Array<{ action: string; at: number }>;
  pauses: Array<{ reason: string; startedAt: number; endedAt: number | null }>;
}

/**
 * One statement, one round trip: the file by its number and phone (applications_number_key),
 * with the times of its public steps (audit_events by file) and its pauses as JSON beside it.
 * Plain SQL naming only the columns the answer needs: the form and the names stay in the table.
 */
const TRACK_STATEMENT = `
  SELECT a.number, a.service_code AS "serviceCode", a.state, a.submitted_at AS "submittedAt", a.accepted_at AS "acceptedAt",
         a.decided_at AS "decidedAt", a.updated_at AS "updatedAt", a.extension_working_days AS "extensionWorkingDays",
         a.green_channel AS "greenChannel", a.promised_days AS "promisedDays", a.green_channel_days AS "greenChannelDays",
         (SELECT coalesce(json_agg(json_build_object('action', e.action, 'at', floor(extract(epoch FROM e.at) * 1000)) ORDER BY e.id), '[]'::json)
            FROM audit_events e WHERE e.application_id = a.id AND e.action = ANY($3)) AS events,
         (SELECT coalesce(json_agg(json_build_object('reason', p.reason, 'startedAt', floor(extract(epoch FROM p.started_at) * 1000),
                                                     'endedAt', floor(extract(epoch FROM p.ended_at) * 1000))), '[]'::json)
            FROM application_pauses p WHERE p.application_id = a.id) AS pauses
    FROM applications a
   WHERE a.number = $1 AND a.contact_phone = $2`;

/** 手机查询: anyone with the application number and the applicant's phone sees its progress, nothing personal. */
@Injectable()
export class TrackingService {
  constructor(private readonly dataSource: DataSource) {}

  async track(number: string, phone: string, locale: Locale): Promise<TrackView> {
    const [app] = (await this.dataSource.query(TRACK_STATEMENT, [number, phone, STEP_ACTIONS])) as TrackRow[];
    // One answer for "no such number" and "wrong phone", so the look-up reveals nothing.
    if (!app || app.state === 'draft') throw new NotFoundError();
    const events = app.events.map((e) => ({ action: e.action, at: new Date(Number(e.at)) }));
    const pauses = app.pauses.map((p) => ({ reason: p.reason, startedAt: new Date(Number(p.startedAt)), endedAt: p.endedAt === null ? null : new Date(Number(p.endedAt)) }));
    const service = serviceOf(app);
    const firstAt = (actions: string[]) => events.find((e) => actions.includes(e.action))?.at;
    const steps = STEPS.map((step) => {
      const at = firstAt(step.actions);
      return { name: STEP_NAMES[step.key][locale], ...(at ? { at: at.toISOString() } : {}), done: at !== undefined };
    });
    return {
      number: app.number,
      serviceName: locale === 'en' ? service.nameEn : service.name,
      state: app.state,
      stateLabel: translate(locale, `state.${app.state}`),
      submittedAt: app.submittedAt?.toISOString() ?? null,
      clock: clockOf(app, pauses, service, new Date()),
      steps,
    };
  }
}
