"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fieldId = void 0;
exports.buildFields = buildFields;
exports.parseFields = parseFields;
exports.answerRows = answerRows;
const DEFINITIONS = '#/definitions/';
const RESIDENT_ID_PATTERN = '^[0-9]{17}[0-9Xx]$';
const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
function resolve(ctx, schema) {
    const ref = schema.$ref;
    if (typeof ref === 'string' && ref.startsWith(DEFINITIONS)) {
        const definition = ref.slice(DEFINITIONS.length);
        return { schema: (ctx.root.definitions[definition] ?? {}), definition };
    }
    return { schema };
}
const typesOf = (schema) => (Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : []);
const withoutIndexes = (path) => path.replace(/\.\d+(?=\.|$)/g, '');
const fieldId = (path) => `f-${path.replace(/\./g, '-')}`;
exports.fieldId = fieldId;
function lookup(t, keys) {
    for (const key of keys) {
        const text = t(key);
        if (text !== key)
            return text;
    }
    return undefined;
}
function wordKeys(prefix, ctx, path, name, definition) {
    const plain = withoutIndexes(path);
    const bare = plain === name || name !== 'name' ? [`${prefix}.${name}`] : [];
    return [`${prefix}.${ctx.serviceCode}.${plain}`, ...(definition ? [`${prefix}.${definition}.${name}`] : []), `${prefix}.${plain}`, ...bare];
}
function kindOf(schema, itemSchema) {
    const types = typesOf(schema);
    if (types.includes('object') || schema.properties)
        return 'group';
    if (types.includes('array'))
        return itemSchema && (itemSchema.$ref || typesOf(itemSchema).includes('object')) ? 'list' : 'lines';
    if (types.includes('boolean'))
        return 'checkbox';
    if (types.includes('integer'))
        return 'integer';
    if (Array.isArray(schema.enum))
        return 'radios';
    if (schema.format === 'date')
        return types.includes('null') ? 'optional-date' : 'date';
    if (typeof schema.pattern === 'string' && /^\^\(\(?\[?[01]/.test(schema.pattern) && /\\\.\[0-9\]/.test(schema.pattern))
        return 'decimal';
    if (typeof schema.maxLength === 'number' && schema.maxLength > 200)
        return 'textarea';
    return 'text';
}
function unitOf(schema, kind, t) {
    if (kind !== 'decimal')
        return undefined;
    const description = typeof schema.description === 'string' ? schema.description : '';
    if (description.includes('亩'))
        return t('unit.mu');
    if (description.includes('m²') || description.includes('平方米'))
        return t('unit.m2');
    return t('unit.wan_yuan');
}
const textOf = (value) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
function buildFields(input, properties, values, errors, extraItems = {}) {
    const ctx = { root: input.schema, serviceCode: input.serviceCode, t: input.t };
    const props = (input.schema.properties ?? {});
    const required = new Set((input.schema.required ?? []));
    return properties.filter((p) => props[p]).map((p) => node(ctx, props[p], p, p, required.has(p), values[p], errors, extraItems));
}
function node(ctx, raw, path, name, required, value, errors, extraItems, parentDefinition) {
    const { schema, definition } = resolve(ctx, raw);
    const itemSchema = schema.items;
    const kind = kindOf(schema, itemSchema);
    const label = lookup(ctx.t, wordKeys('label', ctx, path, name, parentDefinition)) ?? name;
    const hint = lookup(ctx.t, wordKeys('hint', ctx, path, name, parentDefinition));
    const base = { kind, path, id: (0, exports.fieldId)(path), label, required, ...(hint ? { hint } : {}), ...(errors[path] ? { error: errors[path] } : {}) };
    if (typeof schema.maxLength === 'number')
        base.maxLength = schema.maxLength;
    if (schema.pattern === RESIDENT_ID_PATTERN)
        Object.assign(base, { spellcheck: false, autocomplete: 'off' });
    if (schema.pattern === MOBILE_PATTERN)
        Object.assign(base, { inputMode: 'numeric', autocomplete: 'tel' });
    switch (kind) {
        case 'group': {
            const record = (value && typeof value === 'object' ? value : {});
            const props = (schema.properties ?? {});
            const req = new Set((schema.required ?? []));
            base.children = Object.keys(props).map((p) => node(ctx, props[p], `${path}.${p}`, p, req.has(p), record[p], errors, extraItems, definition));
            return base;
        }
        case 'list': {
            const items = Array.isArray(value) ? value : [];
            const count = Math.max(items.length, 1) + (extraItems[path] ?? 0);
            base.itemLabel = lookup(ctx.t, wordKeys('item', ctx, path, name, parentDefinition)) ?? label;
            base.items = Array.from({ length: count }, (_, i) => {
                const item = node(ctx, itemSchema ?? {}, `${path}.${i}`, name, true, items[i], errors, extraItems, parentDefinition);
                item.label = `${base.itemLabel} ${i + 1}`;
                delete item.hint;
                return item;
            });
            return base;
        }
        case 'lines':
            base.value = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('\n') : '';
            return base;
        case 'radios':
            base.options = schema.enum.map((option) => ({
                value: option,
                label: lookup(ctx.t, [`option.${ctx.serviceCode}.${withoutIndexes(path)}.${option}`, `option.${name}.${option}`]) ?? option,
                id: `${(0, exports.fieldId)(path)}-${option}`,
                checked: value === option,
            }));
            return base;
        case 'optional-date':
            base.open = value === null;
            base.value = textOf(value);
            return base;
        case 'checkbox':
            base.checked = value === true;
            return base;
        case 'integer':
            base.inputMode = 'numeric';
            base.value = textOf(value);
            return base;
        case 'decimal':
            base.inputMode = 'decimal';
            base.unit = unitOf(schema, kind, ctx.t);
            base.value = textOf(value);
            return base;
        default:
            base.value = textOf(value);
            return base;
    }
}
const posted = (body, path) => {
    const value = body[path];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
};
function parseFields(input, properties, body, remove) {
    const ctx = { root: input.schema, serviceCode: '', t: (k) => k };
    const props = (input.schema.properties ?? {});
    const form = {};
    for (const p of properties) {
        if (!props[p])
            continue;
        const value = parseNode(ctx, props[p], p, body, remove);
        if (value !== undefined)
            form[p] = value;
    }
    return form;
}
function parseNode(ctx, raw, path, body, remove) {
    const { schema } = resolve(ctx, raw);
    const itemSchema = schema.items;
    const kind = kindOf(schema, itemSchema);
    switch (kind) {
        case 'group': {
            const props = (schema.properties ?? {});
            const record = {};
            for (const p of Object.keys(props)) {
                const value = parseNode(ctx, props[p], `${path}.${p}`, body, remove);
                if (value !== undefined)
                    record[p] = value;
            }
            return Object.keys(record).length > 0 ? record : undefined;
        }
        case 'list': {
            const prefix = `${path}.`;
            const indexes = new Set();
            for (const key of Object.keys(body)) {
                if (key.startsWith(prefix)) {
                    const index = Number(key.slice(prefix.length).split('.')[0]);
                    if (Number.isInteger(index) && index >= 0 && index < 1000)
                        indexes.add(index);
                }
            }
            const items = [...indexes]
                .sort((a, b) => a - b)
                .filter((i) => `${path}.${i}` !== remove)
                .map((i) => parseNode(ctx, itemSchema ?? {}, `${path}.${i}`, body, remove))
                .filter((item) => item !== undefined);
            return items.length > 0 ? items : undefined;
        }
        case 'lines': {
            const text = posted(body, path);
            if (text === undefined)
                return undefined;
            return text
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line.length > 0);
        }
        case 'optional-date': {
            const mode = posted(body, `${path}.mode`);
            if (mode === 'open')
                return null;
            return emptyToUndefined(posted(body, path));
        }
        case 'checkbox':
            return posted(body, path) === 'true' ? true : undefined;
        case 'integer': {
            const text = emptyToUndefined(posted(body, path));
            return text !== undefined && /^-?\d{1,9}$/.test(text) ? Number(text) : text;
        }
        default:
            return emptyToUndefined(posted(body, path));
    }
}
function emptyToUndefined(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
const mask = (idNumber) => (idNumber.length === 18 ? `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}` : idNumber);
function answerRows(nodes, t, prefix = '') {
    const rows = [];
    const join = (label) => (prefix ? `${prefix} · ${label}` : label);
    for (const n of nodes) {
        switch (n.kind) {
            case 'group':
                rows.push(...answerRows(n.children ?? [], t, join(n.label)));
                break;
            case 'list': {
                const filled = (n.items ?? []).filter((item) => answerRows([item], t).some((r) => r.value !== ''));
                if (filled.length === 0)
                    rows.push({ label: join(n.label), value: '', path: n.path });
                for (const item of filled)
                    rows.push(...answerRows(item.children ?? [], t, join(item.label)));
                break;
            }
            case 'radios':
                rows.push({ label: join(n.label), value: n.options?.find((o) => o.checked)?.label ?? '', path: n.path });
                break;
            case 'optional-date':
                rows.push({ label: join(n.label), value: n.open ? t('answer.no_end') : (n.value ?? ''), path: n.path });
                break;
            case 'checkbox':
                rows.push({ label: join(n.label), value: n.checked ? t('answer.yes') : '', path: n.path });
                break;
            case 'lines':
                rows.push({ label: join(n.label), value: (n.value ?? '').split('\n').filter(Boolean).join(t('answer.list_separator')), path: n.path });
                break;
            case 'decimal':
                rows.push({ label: join(n.label), value: n.value ? `${n.value} ${n.unit ?? ''}`.trim() : '', path: n.path });
                break;
            default:
                rows.push({ label: join(n.label), value: n.spellcheck === false && n.value ? mask(n.value) : (n.value ?? ''), path: n.path });
        }
    }
    return rows;
}
