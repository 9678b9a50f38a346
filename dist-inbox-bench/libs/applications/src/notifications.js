"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordNotification = recordNotification;
const persistence_1 = require("../../persistence/src/index.js");
async function recordNotification(em, input) {
    return em.getRepository(persistence_1.NotificationEntity).save(em.getRepository(persistence_1.NotificationEntity).create({
        accountId: input.accountId ?? null,
        applicationId: input.applicationId ?? null,
        channel: input.channel,
        recipient: input.recipient,
        template: input.template,
        body: input.body,
    }));
}
