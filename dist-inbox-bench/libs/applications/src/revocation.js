"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.revokeLicenseIn = revokeLicenseIn;
const persistence_1 = require("../../persistence/src/index.js");
const notifications_1 = require("./notifications");
async function revokeLicenseIn(em, app, reason) {
    await em.query('UPDATE licenses SET revoked_at = now(), revoke_reason = $2 WHERE application_id = $1 AND revoked_at IS NULL', [app.id, reason]);
    const license = await em.getRepository(persistence_1.LicenseEntity).findOneBy({ applicationId: app.id });
    await (0, notifications_1.recordNotification)(em, {
        accountId: app.ownerAccountId,
        applicationId: app.id,
        channel: 'sms',
        recipient: app.contactPhone,
        template: 'license-revoked',
        body: `【平鲁区行政审批局】您的证照（编号${license?.number ?? app.number}）已被撤销。理由：${reason}。如不服，可依法申请行政复议或提起行政诉讼。`,
    });
}
