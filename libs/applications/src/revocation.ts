import { EntityManager } from 'typeorm';
import { ApplicationEntity, LicenseEntity } from '@onewindow/persistence';
import { catalogueMessage, messageApplicantIn } from './notifications';

/** With the `revoke` transition: the licence verifies as revoked from now on, and its holder is told. */
export async function revokeLicenseIn(em: EntityManager, app: ApplicationEntity, reason: string): Promise<void> {
  await em.query('UPDATE licenses SET revoked_at = now(), revoke_reason = $2 WHERE application_id = $1 AND revoked_at IS NULL', [app.id, reason]);
  const license = await em.getRepository(LicenseEntity).findOneBy({ applicationId: app.id });
  await messageApplicantIn(em, app, { template: 'license-revoked', ...catalogueMessage('license_revoked', { number: license?.number ?? app.number, reason }) });
}
