import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationClock } from '@onewindow/domain';
import { NotFoundError } from '@onewindow/domain/errors';
import { ApplicationEntity, ApplicationPauseEntity, AuditEventEntity } from '@onewindow/persistence';
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

  async track(number: string, phone: string, locale: Locale): Promise<TrackView> {
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ number, contactPhone: phone });
    // One answer for "no such number" and "wrong phone", so the look-up reveals nothing.
    if (!app || app.state === 'draft') throw new NotFoundError();
    const [events, pauses] = await Promise.all([
      this.dataSource.getRepository(AuditEventEntity).find({ where: { applicationId: app.id }, order: { id: 'ASC' }, select: { action: true, at: true } }),
      this.dataSource.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id }),
    ]);
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
