import { EntityManager } from 'typeorm';
import { checkFormComplete, missingMaterials } from '@onewindow/domain';
import { ApplicationEntity } from '@onewindow/persistence';
import { Locale, translate } from '@onewindow/web';
import { findLinkedRecords } from './linked-records';
import { materialsRequiredOf } from './service-settings.service';
import { serviceOf } from './transition.service';

export interface Gap {
  /** Dotted path as the API names it: `form.domicile`, `materials.articles`. */
  path: string;
  field?: string;
  materialCode?: string;
  /** Plain words in the requested language. */
  reason: string;
}

/**
 * Everything that keeps a file from being complete, listed at once (一次性告知): required
 * fields and cross-field rules, required materials (less those the bureau holds itself),
 * and prerequisite permits. Submit answers these as a 422; precheck turns them into the
 * automatic correction list.
 */
export async function findGaps(em: EntityManager, app: ApplicationEntity, locale: Locale): Promise<Gap[]> {
  const gaps: Gap[] = [];
  const complete = checkFormComplete(app.serviceCode, app.form, locale);
  if (!complete.ok) {
    for (const [field, reason] of Object.entries(complete.fields)) gaps.push({ path: `form.${field}`, field, reason });
  }
  const linked = await findLinkedRecords(em, app.serviceCode, app.form);
  for (const [field, key] of Object.entries(linked.problems)) {
    if (!gaps.some((g) => g.field === field)) gaps.push({ path: `form.${field}`, field, reason: translate(locale, key) });
  }
  // One read: the materials uploaded, and the administrators' settings in force (for a file not yet submitted).
  const [read]: Array<{ uploaded: string[]; in_force: string[] | null }> = await em.query(
    `SELECT ARRAY(SELECT material_code FROM materials WHERE application_id = $1) AS uploaded,
            (SELECT required_materials FROM service_settings WHERE service_code = $2) AS in_force`,
    [app.id, app.serviceCode],
  );
  const have = [...read.uploaded, ...linked.waivedMaterials];
  const missing = missingMaterials(serviceOf(app), have, app.form);
  // Optional materials an administrator made required (those in force when the file was submitted).
  const alsoRequired = materialsRequiredOf(app, read.in_force).filter((m) => !have.includes(m.code) && !missing.includes(m));
  for (const material of [...missing, ...alsoRequired]) {
    const name = locale === 'en' ? material.nameEn : material.name;
    gaps.push({ path: `materials.${material.code}`, materialCode: material.code, reason: locale === 'en' ? `Missing: ${name}` : `缺少材料：${name}` });
  }
  return gaps;
}
