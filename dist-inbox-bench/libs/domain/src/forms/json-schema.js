"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formJsonSchema = formJsonSchema;
const class_validator_1 = require("class-validator");
const class_validator_jsonschema_1 = require("class-validator-jsonschema");
const catalogue_1 = require("../catalogue");
const decorators_1 = require("./decorators");
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
const DEFINITIONS_POINTER = '#/definitions/';
const schemaCache = new Map();
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function withBareRefs(value) {
    if (Array.isArray(value))
        return value.map(withBareRefs);
    if (!isPlainObject(value))
        return value;
    if (typeof value.$ref === 'string')
        return { $ref: value.$ref };
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withBareRefs(child)]));
}
function referencedNames(value, names = new Set()) {
    if (Array.isArray(value))
        value.forEach((child) => referencedNames(child, names));
    else if (isPlainObject(value)) {
        if (typeof value.$ref === 'string' && value.$ref.startsWith(DEFINITIONS_POINTER))
            names.add(value.$ref.slice(DEFINITIONS_POINTER.length));
        Object.values(value).forEach((child) => referencedNames(child, names));
    }
    return names;
}
function newestClassesOnly() {
    const storage = (0, class_validator_1.getMetadataStorage)();
    const metadatas = storage.validationMetadatas;
    const byName = new Map();
    for (const entry of metadatas)
        byName.set(entry[0].name, entry);
    return Object.assign(Object.create(storage), { validationMetadatas: new Map(byName.values()) });
}
function buildFormJsonSchema(formClassName, title, description) {
    const all = (0, class_validator_jsonschema_1.validationMetadatasToSchemas)({
        refPointerPrefix: DEFINITIONS_POINTER,
        classValidatorMetadataStorage: newestClassesOnly(),
        classTransformerMetadataStorage: defaultMetadataStorage,
        additionalConverters: decorators_1.FORM_SCHEMA_CONVERTERS,
    });
    const closed = (name) => ({ ...withBareRefs(all[name]), additionalProperties: false });
    const definitions = {};
    const pending = [...referencedNames(all[formClassName])];
    while (pending.length > 0) {
        const name = pending.pop();
        if (definitions[name])
            continue;
        if (!all[name])
            throw new Error(`Form schema refers to ${name}, which has no validation metadata`);
        definitions[name] = closed(name);
        pending.push(...referencedNames(definitions[name]));
    }
    return { $schema: 'http://json-schema.org/draft-07/schema#', title, description, ...closed(formClassName), definitions };
}
function formJsonSchema(serviceCode) {
    const service = (0, catalogue_1.getService)(serviceCode);
    if (!service)
        return undefined;
    let schema = schemaCache.get(service.code);
    if (!schema) {
        schema = buildFormJsonSchema(service.form.name, service.name, service.nameEn);
        schemaCache.set(service.code, schema);
    }
    return structuredClone(schema);
}
