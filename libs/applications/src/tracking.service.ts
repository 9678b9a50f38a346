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

/** 手机查询: anyone with the application number and the applicant's phone sees its progress, nothing personal. */
@Injectable()
export class TrackingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement, one round trip: the file by its number and phone (applications_number_key),
   * with the times of its public steps (audit_events by file) and its pauses as JSON beside it.
   */
  async track(number: string, phone: string, locale: Locale): Promise<TrackView> {
    const { entities, raw } = await this.dataSource
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .addSelect(
        `(SELECT coalesce(json_agg(json_build_object('action', e.action, 'at', floor(extract(epoch FROM e.at) * 1000)) ORDER BY e.id), '[]'::json)
            FROM audit_events e WHERE e.application_id = a.id AND e.action IN (:...stepActions))`,
        'track_events',
      )
      .addSelect(
        `(SELECT coalesce(json_agg(json_build_object('reason', p.reason, 'startedAt', floor(extract(epoch FROM p.started_at) * 1000),
                                                     'endedAt', floor(extract(epoch FROM p.ended_at) * 1000))), '[]'::json)
            FROM application_pauses p WHERE p.application_id = a.id)`,
        'track_pauses',
      )
      .where('a.number = :number AND a.contact_phone = :phone', { number, phone, stepActions: STEP_ACTIONS })
      .getRawAndEntities();
    const app = entities[0];
    // One answer for "no such number" and "wrong phone", so the look-up reveals nothing.
    if (!app || app.state === 'draft') throw new NotFoundError();
    const row = raw[0] as { track_events: Array<{ action: string; at: number }>; track_pauses: Array<{ reason: string; startedAt: number; endedAt: number | null }> };
    const events = row.track_events.map((e) => ({ action: e.action, at: new Date(Number(e.at)) }));
    const pauses = row.track_pauses.map((p) => ({ reason: p.reason, startedAt: new Date(Number(p.startedAt)), endedAt: p.endedAt === null ? null : new Date(Number(p.endedAt)) }));
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
