import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError, TransitionRefusedError } from '@onewindow/domain/errors';
import { ApplicationEntity, LicenseEntity, queryReturning, SealCarvingOrderEntity } from '@onewindow/persistence';
import { ActingAccount } from './acting-account';
import { isUuid } from './applicant-applications.service';
import { appendAuditEvent } from './audit-log';
import { catalogueMessage, messageApplicantIn } from './notifications';

type Staff = Extract<ActingAccount, { kind: 'staff' }>;

/** The first seal set of a new market entity (DOMAIN.md); local settings may add 合同专用章. */
export const FREE_SEAL_SET = ['公章', '财务专用章', '发票专用章', '法定代表人名章'];

/**
 * 免费刻章: when a business licence is issued, a seal-carving order opens for the new entity at
 * no cost to it; a seal-carving vendor marks the seals made, then delivered.
 */
@Injectable()
export class SealCarvingService {
  constructor(private readonly dataSource: DataSource) {}

  /** The seal-carving job's work: opens the order once, however often it runs. */
  async open(applicationId: string): Promise<'opened' | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      const app = await em.getRepository(ApplicationEntity).findOneBy({ id: applicationId });
      const license = await em.getRepository(LicenseEntity).findOneBy({ applicationId });
      if (!app || !license || app.serviceCode !== 'business-license' || app.state !== 'issued') return 'skipped';
      const inserted = await queryReturning<{ id: string }>(
        em,
        `INSERT INTO seal_carving_orders (application_id, entity_name, credit_code, seals, opened_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (application_id) DO NOTHING RETURNING id`,
        [app.id, license.holderName, license.number, FREE_SEAL_SET],
      );
      if (inserted.length === 0) return 'skipped';
      await appendAuditEvent(em, { applicationId: app.id, actor: { kind: 'system', name: 'OneWindow' }, action: 'seal_order_opened', fromState: app.state, toState: app.state, data: { seals: FREE_SEAL_SET } });
      await messageApplicantIn(em, app, { template: 'seal-order-opened', ...catalogueMessage('seal_order_opened', { holder: license.holderName, seals: FREE_SEAL_SET.join('、') }) });
      return 'opened';
    });
  }

  async listForVendor(vendor: Staff, status?: string): Promise<SealCarvingOrderEntity[]> {
    this.assertVendor(vendor);
    return this.dataSource.getRepository(SealCarvingOrderEntity).find({
      where: status ? { status: status as SealCarvingOrderEntity['status'] } : {},
      order: { openedAt: 'ASC' },
      take: 200,
    });
  }

  async mark(vendor: Staff, orderId: string, step: 'made' | 'delivered'): Promise<SealCarvingOrderEntity> {
    this.assertVendor(vendor);
    if (!isUuid(orderId)) throw new NotFoundError();
    return this.dataSource.transaction(async (em) => {
      const order = await em.getRepository(SealCarvingOrderEntity).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new NotFoundError();
      const from = step === 'made' ? 'open' : 'made';
      if (order.status !== from) throw new TransitionRefusedError('seal_order_step', { status: order.status });
      const changes = step === 'made' ? { status: 'made' as const, madeAt: new Date(), vendorId: vendor.id } : { status: 'delivered' as const, deliveredAt: new Date() };
      await em.getRepository(SealCarvingOrderEntity).update({ id: order.id }, changes);
      await appendAuditEvent(em, { applicationId: order.applicationId, actor: vendor, action: `seal_order_${step}`, note: order.seals.join('、') });
      return { ...order, ...changes };
    });
  }

  private assertVendor(staff: Staff): void {
    if (!staff.roles.includes('seal_vendor') && !staff.roles.includes('administrator')) throw new ForbiddenError();
  }
}
