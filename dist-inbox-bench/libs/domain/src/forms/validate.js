"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SERVICE_CODE_PATH = exports.FORM_ROOT_PATH = void 0;
exports.findFormProblems = findFormProblems;
exports.describeFormProblems = describeFormProblems;
exports.validateFormDraft = validateFormDraft;
exports.checkFormComplete = checkFormComplete;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const catalogue_1 = require("../catalogue");
const decorators_1 = require("./decorators");
const messages_1 = require("./messages");
exports.FORM_ROOT_PATH = 'form';
exports.SERVICE_CODE_PATH = 'serviceCode';
const COMMON_OPTIONS = {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
};
const STAGE_OPTIONS = {
    draft: { ...COMMON_OPTIONS, skipMissingProperties: true, strictGroups: true },
    complete: { ...COMMON_OPTIONS },
};
const PROBLEM_RANK = {
    required: 0,
    not_string: 1,
    not_object: 1,
    not_array: 1,
    items_not_strings: 2,
    items_not_objects: 2,
};
const DEFAULT_RANK = 3;
const KEYS_DROPPED_BY_TRANSFORMER = new Set(['__proto__', 'constructor']);
const DROPPED_KEY_SCAN_DEPTH = 6;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function joinPath(prefix, property) {
    return prefix ? `${prefix}.${property}` : property;
}
function droppedKeyProblems(value, path, depth) {
    if (depth > DROPPED_KEY_SCAN_DEPTH || typeof value !== 'object' || value === null)
        return [];
    const problems = [];
    for (const key of Object.keys(value)) {
        const childPath = joinPath(path, key);
        if (KEYS_DROPPED_BY_TRANSFORMER.has(key))
            problems.push({ path: childPath, code: 'unknown_field' });
        else
            problems.push(...droppedKeyProblems(value[key], childPath, depth + 1));
    }
    return problems;
}
function problemOfError(error, path) {
    const problems = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
        if (constraint === 'whitelistValidation')
            return { path, code: 'unknown_field' };
        return { path, ...(0, decorators_1.decodeProblem)(message) };
    });
    const rank = (problem) => PROBLEM_RANK[problem.code] ?? DEFAULT_RANK;
    return problems.reduce((best, problem) => (rank(problem) < rank(best) ? problem : best));
}
function flattenErrors(errors, prefix) {
    return errors.flatMap((error) => {
        const path = error.property === undefined ? prefix || exports.FORM_ROOT_PATH : joinPath(prefix, error.property);
        const children = error.children ?? [];
        if (!error.constraints || Object.keys(error.constraints).length === 0)
            return flattenErrors(children, path);
        const problem = problemOfError(error, path);
        return problem.code === 'items_not_objects' ? [problem, ...flattenErrors(children, path)] : [problem];
    });
}
function firstProblemPerPath(problems) {
    const seen = new Set();
    return problems.filter((problem) => !seen.has(problem.path) && seen.add(problem.path));
}
function examineForm(serviceCode, input, stage) {
    const service = (0, catalogue_1.getService)(serviceCode);
    if (!service)
        return { problems: [{ path: exports.SERVICE_CODE_PATH, code: 'unknown_service' }] };
    if (!isRecord(input))
        return { problems: [{ path: exports.FORM_ROOT_PATH, code: 'form_not_object' }] };
    try {
        const form = (0, class_transformer_1.plainToInstance)(service.form, input);
        const problems = [
            ...droppedKeyProblems(input, '', 0),
            ...flattenErrors((0, class_validator_1.validateSync)(form, STAGE_OPTIONS[stage]), ''),
            ...(service.form.crossFieldProblems?.(form, stage) ?? []),
        ];
        return { problems: firstProblemPerPath(problems), form };
    }
    catch {
        return { problems: [{ path: exports.FORM_ROOT_PATH, code: 'invalid' }] };
    }
}
function findFormProblems(serviceCode, input, stage) {
    return examineForm(serviceCode, input, stage).problems;
}
function describeFormProblems(problems, lang) {
    const fields = {};
    for (const problem of problems) {
        if (Object.prototype.hasOwnProperty.call(fields, problem.path))
            continue;
        const message = (0, messages_1.formMessage)(problem.code, lang, problem.params);
        Object.defineProperty(fields, problem.path, { value: message, enumerable: true, writable: true, configurable: true });
    }
    return fields;
}
function validateFormDraft(serviceCode, input, lang) {
    const { problems, form } = examineForm(serviceCode, input, 'draft');
    if (problems.length > 0 || !form)
        return { ok: false, fields: describeFormProblems(problems, lang) };
    return { ok: true, form: JSON.parse(JSON.stringify(form)) };
}
function checkFormComplete(serviceCode, form, lang) {
    const { problems } = examineForm(serviceCode, form, 'complete');
    return problems.length > 0 ? { ok: false, fields: describeFormProblems(problems, lang) } : { ok: true };
}
