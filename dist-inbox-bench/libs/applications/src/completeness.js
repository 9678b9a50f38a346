"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findGaps = findGaps;
const domain_1 = require("../../domain/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const web_1 = require("../../web/src/index.js");
const linked_records_1 = require("./linked-records");
const transition_service_1 = require("./transition.service");
async function findGaps(em, app, locale) {
    const gaps = [];
    const complete = (0, domain_1.checkFormComplete)(app.serviceCode, app.form, locale);
    if (!complete.ok) {
        for (const [field, reason] of Object.entries(complete.fields))
            gaps.push({ path: `form.${field}`, field, reason });
    }
    const linked = await (0, linked_records_1.findLinkedRecords)(em, app.serviceCode, app.form);
    for (const [field, key] of Object.entries(linked.problems)) {
        if (!gaps.some((g) => g.field === field))
            gaps.push({ path: `form.${field}`, field, reason: (0, web_1.translate)(locale, key) });
    }
    const uploaded = await em.getRepository(persistence_1.MaterialEntity).find({ where: { applicationId: app.id }, select: { materialCode: true } });
    const have = [...uploaded.map((u) => u.materialCode), ...linked.waivedMaterials];
    for (const material of (0, domain_1.missingMaterials)((0, transition_service_1.serviceOf)(app), have, app.form)) {
        const name = locale === 'en' ? material.nameEn : material.name;
        gaps.push({ path: `materials.${material.code}`, materialCode: material.code, reason: locale === 'en' ? `Missing: ${name}` : `缺少材料：${name}` });
    }
    return gaps;
}
