"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.translator = exports.LIFE_EVENTS = void 0;
exports.applicantOf = applicantOf;
exports.limitText = limitText;
exports.acceptedTypes = acceptedTypes;
exports.serviceName = serviceName;
exports.materialView = materialView;
exports.stateTone = stateTone;
exports.flowSteps = flowSteps;
exports.safeNext = safeNext;
exports.clockView = clockView;
exports.errorList = errorList;
const domain_1 = require("../../../../libs/domain/src/index.js");
const errors_1 = require("../../../../libs/domain/src/errors.js");
const web_1 = require("../../../../libs/web/src/index.js");
exports.LIFE_EVENTS = [
    { key: 'business', services: ['business-license'] },
    { key: 'restaurant', services: ['food-business'] },
    { key: 'construction', services: ['investment-filing', 'land-planning', 'engineering-planning', 'construction'] },
    { key: 'association', services: ['non-enterprise', 'social-group'] },
];
const translator = (locale) => (key, params = {}) => (0, web_1.translate)(locale, key, params);
exports.translator = translator;
function applicantOf(request) {
    const account = request.account;
    if (!account || account.kind !== 'applicant')
        throw new errors_1.UnauthenticatedError();
    return { kind: 'applicant', id: account.id, name: account.name };
}
function limitText(limit, t) {
    return t(limit.unit === 'working' ? 'limit.working_days' : 'limit.calendar_days', { days: limit.days });
}
const TYPE_NAMES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/ofd': 'OFD' };
function acceptedTypes(accept, t) {
    return accept.map((m) => TYPE_NAMES[m] ?? m).join(t('answer.list_separator'));
}
function serviceName(service, locale) {
    return locale === 'en' ? service.nameEn : service.name;
}
function materialView(material, locale, t, form) {
    const hintKey = `material.${material.code}`;
    const hint = t(hintKey);
    return {
        code: material.code,
        name: locale === 'en' ? material.nameEn : material.name,
        condition: locale === 'en' ? material.conditionEn : material.condition,
        required: (0, domain_1.isMaterialRequired)(material, form),
        hint: hint === hintKey ? undefined : hint,
        types: acceptedTypes(material.accept, t),
        accept: material.accept.join(','),
    };
}
function stateTone(state) {
    switch (state) {
        case 'draft':
            return 'draft';
        case 'correction_required':
            return 'action';
        case 'issued':
            return 'done';
        case 'not_accepted':
        case 'denied':
        case 'withdrawn':
        case 'revoked':
            return 'stopped';
        default:
            return 'progress';
    }
}
function flowSteps(service, locale, t) {
    const steps = ['apply', 'precheck', 'accept', ...(service.hasReviewStep ? ['review'] : []), 'seal', 'collect'];
    return steps.map((key) => ({
        name: t(`flow.${key}`),
        note: key === 'review' ? t('flow.review_note', { section: locale === 'en' ? service.sectionNameEn : service.sectionName }) : t(`flow.${key}_note`),
    }));
}
function safeNext(next, fallback = '/applications') {
    return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;
}
function clockView(clock, t) {
    if (!clock)
        return null;
    const dueAt = clock.promisedDueAt ?? clock.acceptanceDueAt;
    if (!dueAt || clock.workingDaysLeft === undefined)
        return null;
    const days = clock.workingDaysLeft;
    return {
        label: clock.promisedDueAt ? t('clock.due') : t('clock.due_accept'),
        dueAt,
        status: clock.status,
        daysText: clock.status === 'paused' ? t('clock.paused') : days > 0 ? t('clock.days_left', { days }) : days === 0 ? t('clock.due_today') : t('clock.overdue', { days: -days }),
        ...(clock.legalDueAt ? { legalDueAt: clock.legalDueAt } : {}),
    };
}
function errorList(errors, href = (p) => `#${p}`) {
    return Object.entries(errors).map(([path, text]) => ({ href: href(path), text }));
}
