"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findLinkedRecords = findLinkedRecords;
exports.withPrefill = withPrefill;
async function issuedLicence(em, serviceCode, where, value) {
    const [row] = await em.query(`SELECT l.number, a.form FROM licenses l JOIN applications a ON a.id = l.application_id
      WHERE l.service_code = $1 AND l.${where === 'number' ? 'number' : 'credit_code'} = $2
        AND l.revoked_at IS NULL AND a.state = 'issued'
      LIMIT 1`, [serviceCode, value]);
    return row ?? null;
}
async function issuedPermitOfProject(em, serviceCode, projectCode) {
    const [row] = await em.query(`SELECT l.number FROM licenses l JOIN applications a ON a.id = l.application_id
      WHERE l.service_code = $1 AND a.form->>'projectCode' = $2 AND l.revoked_at IS NULL AND a.state = 'issued'
      LIMIT 1`, [serviceCode, projectCode]);
    return row?.number ?? null;
}
const PREREQUISITE = {
    'engineering-planning': { service: 'land-planning', problem: 'rules.requires_land_planning_permit' },
    construction: { service: 'engineering-planning', problem: 'rules.requires_engineering_planning_permit', material: 'engineering_planning_permit' },
};
const OWNER_FIELD = { 'land-planning': 'landUser', 'engineering-planning': 'builder', construction: 'builder' };
async function findLinkedRecords(em, serviceCode, form) {
    const result = { prefill: {}, waivedMaterials: [], problems: {} };
    if (serviceCode === 'food-business' && typeof form.creditCode === 'string') {
        const licence = await issuedLicence(em, 'business-license', 'credit_code', form.creditCode);
        if (licence) {
            const rep = licence.form.legalRepresentative;
            result.prefill = { operatorName: licence.form.name, legalRepresentative: rep?.name, domicile: licence.form.domicile };
        }
    }
    const ownerField = OWNER_FIELD[serviceCode];
    if (ownerField && typeof form.projectCode === 'string') {
        const filing = await issuedLicence(em, 'investment-filing', 'number', form.projectCode);
        if (filing) {
            result.prefill = { projectName: filing.form.projectName, [ownerField]: filing.form.companyName };
            if (serviceCode === 'land-planning')
                result.waivedMaterials.push('project_filing');
        }
        const prerequisite = PREREQUISITE[serviceCode];
        if (prerequisite) {
            const permit = await issuedPermitOfProject(em, prerequisite.service, form.projectCode);
            if (!permit)
                result.problems.projectCode = prerequisite.problem;
            else if (prerequisite.material)
                result.waivedMaterials.push(prerequisite.material);
        }
    }
    return result;
}
function withPrefill(form, linked) {
    const filled = { ...form };
    for (const [key, value] of Object.entries(linked.prefill))
        if (value !== undefined && value !== null)
            filled[key] = value;
    return filled;
}
