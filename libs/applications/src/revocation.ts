import { EntityManager } from 'typeorm';
import { ApplicationEntity, LicenseEntity } from '@onewindow/persistence';
import { recordNotification } from './notifications';

/** With the `revoke` transition: the licence verifies as revoked from now on, and its holder is told. */
export async function revokeLicenseIn(em: EntityManager, app: ApplicationEntity, reason: string): Promise<void> {
  await em.query('UPDATE licenses SET revoked_at = now(), revoke_reason = $2 WHERE application_id = $1 AND revoked_at IS NULL', [app.id, reason]);
  const license = await em.getRepository(LicenseEntity).findOneBy({ applicationId: app.id });
  await recordNotification(em, {
    accountId: app.ownerAccountId,
    applicationId: app.id,
    channel: 'sms',
    recipient: app.contactPhone,
    template: 'license-revoked',
    body: `【平鲁区行政审批局】您的证照（编号${license?.number ?? app.number}）已被撤销。理由：${reason}。如不服，可依法申请行政复议或提起行政诉讼。`,
  });
}
