import type { JsonSchema } from '@onewindow/domain';

/**
 * The questions of a page, derived from the form's JSON Schema: what kind of input each field
 * is, its words (from the message catalogue), its value and its error. The same walk reads the
 * posted page back into form data, so inputs and parsing cannot drift apart.
 */

export type FieldKind = 'text' | 'textarea' | 'lines' | 'radios' | 'date' | 'optional-date' | 'integer' | 'decimal' | 'checkbox' | 'group' | 'list';

export interface FieldNode {
  kind: FieldKind;
  /** Dotted form path (`shareholders.0.name`); the input's name. */
  path: string;
  /** The element id the error summary links to. */
  id: string;
  label: string;
  hint?: string;
  unit?: string;
  required: boolean;
  maxLength?: number;
  inputMode?: 'numeric' | 'decimal';
  autocomplete?: string;
  spellcheck?: boolean;
  options?: Array<{ value: string; label: string; id: string; checked: boolean }>;
  /** For text-like inputs: what to show in the box. */
  value?: string;
  /** A page's only question group repeats the page heading: its legend is then for screen readers only. */
  legendIsHeading?: boolean;
  /** optional-date: whether "no end" is chosen. */
  open?: boolean;
  checked?: boolean;
  error?: string;
  children?: FieldNode[];
  /** list: one group per item, and the words for adding and removing one. */
  items?: FieldNode[];
  itemLabel?: string;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

interface WalkContext {
  root: JsonSchema;
  serviceCode: string;
  t: Translate;
}

const DEFINITIONS = '#/definitions/';
const RESIDENT_ID_PATTERN = '^[0-9]{17}[0-9Xx]$';
const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';

function resolve(ctx: WalkContext, schema: JsonSchema): { schema: JsonSchema; definition?: string } {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith(DEFINITIONS)) {
    const definition = ref.slice(DEFINITIONS.length);
    return { schema: ((ctx.root.definitions as Record<string, JsonSchema>)[definition] ?? {}) as JsonSchema, definition };
  }
  return { schema };
}

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : []);
const withoutIndexes = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '');
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** The first catalogue entry that exists among the candidates, or undefined. */
function lookup(t: Translate, keys: string[]): string | undefined {
  for (const key of keys) {
    const text = t(key);
    if (text !== key) return text;
  }
  return undefined;
}

function wordKeys(prefix: string, ctx: WalkContext, path: string, name: string, definition?: string): string[] {
  const plain = withoutIndexes(path);
  // A nested `name` is a person's or a company's, never the entity name that the bare key words.
  const bare = plain === name || name !== 'name' ? [`${prefix}.${name}`] : [];
  return [`${prefix}.${ctx.serviceCode}.${plain}`, ...(definition ? [`${prefix}.${definition}.${name}`] : []), `${prefix}.${plain}`, ...bare];
}

function kindOf(schema: JsonSchema, itemSchema?: JsonSchema): FieldKind {
  const types = typesOf(schema);
  if (types.includes('object') || schema.properties) return 'group';
  if (types.includes('array')) return itemSchema && (itemSchema.$ref || typesOf(itemSchema).includes('object')) ? 'list' : 'lines';
  if (types.includes('boolean')) return 'checkbox';
  if (types.includes('integer')) return 'integer';
  if (Array.isArray(schema.enum)) return 'radios';
  if (schema.format === 'date') return types.includes('null') ? 'optional-date' : 'date';
  if (typeof schema.pattern === 'string' && /^\^\(\(?\[?[01]/.test(schema.pattern) && /\\\.\[0-9\]/.test(schema.pattern)) return 'decimal';
  if (typeof schema.maxLength === 'number' && schema.maxLength > 200) return 'textarea';
  return 'text';
}

function unitOf(schema: JsonSchema, kind: FieldKind, t: Translate): string | undefined {
  if (kind !== 'decimal') return undefined;
  const description = typeof schema.description === 'string' ? schema.description : '';
  if (description.includes('亩')) return t('unit.mu');
  if (description.includes('m²') || description.includes('平方米')) return t('unit.m2');
  return t('unit.wan_yuan');
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** The inputs for these top-level properties, filled with `values` and marked with `errors` (form-relative paths). */
export function buildFields(
  input: { schema: JsonSchema; serviceCode: string; t: Translate },
  properties: string[],
  values: Record<string, unknown>,
  errors: Record<string, string>,
  extraItems: Record<string, number> = {},
): FieldNode[] {
  const ctx: WalkContext = { root: input.schema, serviceCode: input.serviceCode, t: input.t };
  const props = (input.schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.schema.required ?? []) as string[]);
  return properties.filter((p) => props[p]).map((p) => node(ctx, props[p], p, p, required.has(p), values[p], errors, extraItems));
}

function node(
  ctx: WalkContext,
  raw: JsonSchema,
  path: string,
  name: string,
  required: boolean,
  value: unknown,
  errors: Record<string, string>,
  extraItems: Record<string, number>,
  parentDefinition?: string,
): FieldNode {
  const { schema, definition } = resolve(ctx, raw);
  const itemSchema = schema.items as JsonSchema | undefined;
  const kind = kindOf(schema, itemSchema);
  const label = lookup(ctx.t, wordKeys('label', ctx, path, name, parentDefinition)) ?? name;
  const hint = lookup(ctx.t, wordKeys('hint', ctx, path, name, parentDefinition));
  const base: FieldNode = { kind, path, id: fieldId(path), label, required, ...(hint ? { hint } : {}), ...(errors[path] ? { error: errors[path] } : {}) };
  if (typeof schema.maxLength === 'number') base.maxLength = schema.maxLength;
  if (schema.pattern === RESIDENT_ID_PATTERN) Object.assign(base, { spellcheck: false, autocomplete: 'off' });
  if (schema.pattern === MOBILE_PATTERN) Object.assign(base, { inputMode: 'numeric', autocomplete: 'tel' });
  switch (kind) {
    case 'group': {
      const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const req = new Set((schema.required ?? []) as string[]);
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
      base.options = (schema.enum as string[]).map((option) => ({
        value: option,
        label: lookup(ctx.t, [`option.${ctx.serviceCode}.${withoutIndexes(path)}.${option}`, `option.${name}.${option}`]) ?? option,
        id: `${fieldId(path)}-${option}`,
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

type Body = Record<string, unknown>;

const posted = (body: Body, path: string): string | undefined => {
  const value = body[path];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
};

/**
 * Reads the posted page back into form data for these properties. Empty answers are left out
 * (a draft may be incomplete); lists drop items left wholly empty and the one asked to be removed.
 */
export function parseFields(input: { schema: JsonSchema }, properties: string[], body: Body, remove?: string): Record<string, unknown> {
  const ctx = { root: input.schema, serviceCode: '', t: (k: string) => k } as WalkContext;
  const props = (input.schema.properties ?? {}) as Record<string, JsonSchema>;
  const form: Record<string, unknown> = {};
  for (const p of properties) {
    if (!props[p]) continue;
    const value = parseNode(ctx, props[p], p, body, remove);
    if (value !== undefined) form[p] = value;
  }
  return form;
}

function parseNode(ctx: WalkContext, raw: JsonSchema, path: string, body: Body, remove?: string): unknown {
  const { schema } = resolve(ctx, raw);
  const itemSchema = schema.items as JsonSchema | undefined;
  const kind = kindOf(schema, itemSchema);
  switch (kind) {
    case 'group': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const record: Record<string, unknown> = {};
      for (const p of Object.keys(props)) {
        const value = parseNode(ctx, props[p], `${path}.${p}`, body, remove);
        if (value !== undefined) record[p] = value;
      }
      return Object.keys(record).length > 0 ? record : undefined;
    }
    case 'list': {
      const prefix = `${path}.`;
      const indexes = new Set<number>();
      for (const key of Object.keys(body)) {
        if (key.startsWith(prefix)) {
          const index = Number(key.slice(prefix.length).split('.')[0]);
          if (Number.isInteger(index) && index >= 0 && index < 1000) indexes.add(index);
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
      if (text === undefined) return undefined;
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
    }
    case 'optional-date': {
      const mode = posted(body, `${path}.mode`);
      if (mode === 'open') return null;
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

function emptyToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A check-your-answers row: the question (with its group) and the answer in words. */
export interface AnswerRow {
  label: string;
  value: string;
  path: string;
}

const mask = (idNumber: string) => (idNumber.length === 18 ? `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}` : idNumber);

/**
 * The answers of some fields as rows of words; ID numbers masked, as everywhere they are shown,
 * except to staff checking them against the scans (`mask: false`).
 */
export function answerRows(nodes: FieldNode[], t: Translate, prefix = '', options: { mask?: boolean } = {}): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const masked = options.mask !== false;
  const join = (label: string) => (prefix ? `${prefix} · ${label}` : label);
  for (const n of nodes) {
    switch (n.kind) {
      case 'group': {
        // A group left wholly empty (no agent, say) is one "not given", not one per field in it.
        const inner = answerRows(n.children ?? [], t, join(n.label), options);
        rows.push(...(inner.some((r) => r.value !== '') ? inner : [{ label: join(n.label), value: '', path: n.path }]));
        break;
      }
      case 'list': {
        const filled = (n.items ?? []).filter((item) => answerRows([item], t, '', options).some((r) => r.value !== ''));
        if (filled.length === 0) rows.push({ label: join(n.label), value: '', path: n.path });
        for (const item of filled) rows.push(...answerRows(item.children ?? [], t, join(item.label), options));
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
        rows.push({ label: join(n.label), value: masked && n.spellcheck === false && n.value ? mask(n.value) : (n.value ?? ''), path: n.path });
    }
  }
  return rows;
}
