import { EntityManager } from 'typeorm';

/**
 * Data the bureau already holds is not asked for again (行政许可法; DOMAIN.md). Given a form,
 * finds the OneWindow licences it refers to and says what they fill in, which uploads they
 * make unnecessary, and which prerequisite permits are missing.
 */
export interface LinkedRecords {
  /** Form fields taken from a licence the bureau issued. */
  prefill: Record<string, unknown>;
  /** Materials the bureau holds itself (its own permit of the same project). */
  waivedMaterials: string[];
  /** Missing prerequisites: form path → message key. */
  problems: Record<string, string>;
}

interface IssuedLicence {
  number: string;
  form: Record<string, unknown>;
}

async function issuedLicence(em: EntityManager, serviceCode: string, where: 'number' | 'credit_code', value: string): Promise<IssuedLicence | null> {
  const [row]: IssuedLicence[] = await em.query(
    `SELECT l.number, a.form FROM licenses l JOIN applications a ON a.id = l.application_id
      WHERE l.service_code = $1 AND l.${where === 'number' ? 'number' : 'credit_code'} = $2
        AND l.revoked_at IS NULL AND a.state = 'issued'
      LIMIT 1`,
    [serviceCode, value],
  );
  return row ?? null;
}

/** A permit of the same project (project code kept in the permit's form). */
async function issuedPermitOfProject(em: EntityManager, serviceCode: string, projectCode: string): Promise<string | null> {
  const [row]: Array<{ number: string }> = await em.query(
    `SELECT l.number FROM licenses l JOIN applications a ON a.id = l.application_id
      WHERE l.service_code = $1 AND a.form->>'projectCode' = $2 AND l.revoked_at IS NULL AND a.state = 'issued'
      LIMIT 1`,
    [serviceCode, projectCode],
  );
  return row?.number ?? null;
}

/** Which permit each planning-family service requires first, for the same project. */
const PREREQUISITE: Record<string, { service: string; problem: string; material?: string } | undefined> = {
  'engineering-planning': { service: 'land-planning', problem: 'rules.requires_land_planning_permit' },
  construction: { service: 'engineering-planning', problem: 'rules.requires_engineering_planning_permit', material: 'engineering_planning_permit' },
};

/** The field of each planning-family form that names the project's owner. */
const OWNER_FIELD: Record<string, string> = { 'land-planning': 'landUser', 'engineering-planning': 'builder', construction: 'builder' };

export async function findLinkedRecords(em: EntityManager, serviceCode: string, form: Record<string, unknown>): Promise<LinkedRecords> {
  const result: LinkedRecords = { prefill: {}, waivedMaterials: [], problems: {} };

  if (serviceCode === 'food-business' && typeof form.creditCode === 'string') {
    const licence = await issuedLicence(em, 'business-license', 'credit_code', form.creditCode);
    if (licence) {
      const rep = licence.form.legalRepresentative as { name?: string } | undefined;
      result.prefill = { operatorName: licence.form.name, legalRepresentative: rep?.name, domicile: licence.form.domicile };
    }
  }

  const ownerField = OWNER_FIELD[serviceCode];
  if (ownerField && typeof form.projectCode === 'string') {
    const filing = await issuedLicence(em, 'investment-filing', 'number', form.projectCode);
    if (filing) {
      result.prefill = { projectName: filing.form.projectName, [ownerField]: filing.form.companyName };
      if (serviceCode === 'land-planning') result.waivedMaterials.push('project_filing');
    }
    const prerequisite = PREREQUISITE[serviceCode];
    if (prerequisite) {
      const permit = await issuedPermitOfProject(em, prerequisite.service, form.projectCode);
      if (!permit) result.problems.projectCode = prerequisite.problem;
      else if (prerequisite.material) result.waivedMaterials.push(prerequisite.material);
    }
  }
  return result;
}

/** The form with what the bureau already holds filled in (the bureau's record wins over what was typed). */
export function withPrefill(form: Record<string, unknown>, linked: LinkedRecords): Record<string, unknown> {
  const filled = { ...form };
  for (const [key, value] of Object.entries(linked.prefill)) if (value !== undefined && value !== null) filled[key] = value;
  return filled;
}
