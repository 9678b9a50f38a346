import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationEntity, CorrectionItem } from '@onewindow/persistence';
import { findGaps } from './completeness';
import { SYSTEM } from './acting-account';
import { TransitionService } from './transition.service';

/** Services that register a new entity under its own name, where a name may be taken only once. */
const NAME_REGISTERING_SERVICES = new Set(['business-license', 'non-enterprise', 'social-group']);

/** States whose names are taken: a file still in progress or a licence in force. */
const NAME_HOLDING_STATES = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review', 'awaiting_seal', 'issuing', 'issued'];

/**
 * The family queues' precheck: every required material, every identifier's checksum, every
 * required field, and the duplicate-name rule. Routes the file to the window queue, or back to
 * the applicant with every problem as one automatic correction list. Idempotent: a file no
 * longer `submitted` is left alone.
 */
@Injectable()
export class PrecheckService {
  private readonly logger = new Logger(PrecheckService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
  ) {}

  async run(applicationId: string): Promise<'passed' | 'failed' | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      // Under the row lock: a second delivery of the job waits here, then finds the file moved on.
      const app = await em.getRepository(ApplicationEntity).findOne({ where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
      if (!app || app.state !== 'submitted') return 'skipped';
      const items: CorrectionItem[] = (await findGaps(em, app, 'zh-CN')).map((gap) => ({
        ...(gap.field ? { field: gap.field } : {}),
        ...(gap.materialCode ? { materialCode: gap.materialCode } : {}),
        reason: gap.reason,
      }));
      if (app.entityNameKey && NAME_REGISTERING_SERVICES.has(app.serviceCode)) {
        const [duplicate]: Array<{ number: string }> = await em.query(
          `SELECT number FROM applications
            WHERE entity_name_key = $1 AND service_code = $2 AND id <> $3 AND state = ANY($4)
            LIMIT 1`,
          [app.entityNameKey, app.serviceCode, app.id, NAME_HOLDING_STATES],
        );
        if (duplicate) items.push({ field: 'name', reason: '名称与本辖区已登记或正在办理的名称相同或近似，请更换名称' });
      }

      if (items.length > 0) {
        await this.transitions.applyIn(em, app.id, { action: 'precheck_fail', actor: SYSTEM, correctionItems: items }, app, { rowLocked: true });
        this.logger.log(`precheck ${app.number}: ${items.length} problem(s)`);
        return 'failed';
      }
      await this.transitions.applyIn(em, app.id, { action: 'precheck_pass', actor: SYSTEM }, app, { rowLocked: true });
      return 'passed';
    });
  }
}
