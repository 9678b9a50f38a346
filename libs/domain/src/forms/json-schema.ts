/** A service form's JSON Schema (GET /api/services/:code `formSchema`), derived from the same classes that validate it. */

import { getMetadataStorage, MetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { getService } from '../catalogue';
import { FORM_SCHEMA_CONVERTERS } from './decorators';

// class-transformer ships no typings for this entry point; its @Type metadata is what lets the
// schema follow arrays of nested forms (the reflected type of an array is just Array).
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

export type JsonSchema = { [keyword: string]: unknown };

const DEFINITIONS_POINTER = '#/definitions/';
const schemaCache = new Map<string, JsonSchema>();

function isPlainObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `$ref` ignores its sibling keywords in draft-07; drop them so the schema says what it means. */
function withBareRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withBareRefs);
  if (!isPlainObject(value)) return value;
  if (typeof value.$ref === 'string') return { $ref: value.$ref };
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withBareRefs(child)]));
}

function referencedNames(value: unknown, names: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((child) => referencedNames(child, names));
  else if (isPlainObject(value)) {
    if (typeof value.$ref === 'string' && value.$ref.startsWith(DEFINITIONS_POINTER)) names.add(value.$ref.slice(DEFINITIONS_POINTER.length));
    Object.values(value).forEach((child) => referencedNames(child, names));
  }
  return names;
}

/**
 * class-validator keeps one store per process, so a module loaded twice (jest loads modules once
 * per test file) registers each form class twice under one name. Keep the newest class of each
 * name: the one this module instance defined, whose schema decorators it can read.
 */
function newestClassesOnly(): MetadataStorage {
  const storage = getMetadataStorage();
  const metadatas = (storage as unknown as { validationMetadatas: Map<Function, unknown[]> }).validationMetadatas;
  const byName = new Map<string, [Function, unknown[]]>();
  for (const entry of metadatas) byName.set(entry[0].name, entry);
  return Object.assign(Object.create(storage) as MetadataStorage, { validationMetadatas: new Map(byName.values()) });
}

function buildFormJsonSchema(formClassName: string, title: string, description: string): JsonSchema {
  const all = validationMetadatasToSchemas({
    refPointerPrefix: DEFINITIONS_POINTER,
    classValidatorMetadataStorage: newestClassesOnly(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: FORM_SCHEMA_CONVERTERS,
  }) as Record<string, JsonSchema>;
  const closed = (name: string): JsonSchema => ({ ...(withBareRefs(all[name]) as JsonSchema), additionalProperties: false });

  const definitions: Record<string, JsonSchema> = {};
  const pending = [...referencedNames(all[formClassName])];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (definitions[name]) continue;
    if (!all[name]) throw new Error(`Form schema refers to ${name}, which has no validation metadata`);
    definitions[name] = closed(name);
    pending.push(...referencedNames(definitions[name]));
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, description, ...closed(formClassName), definitions };
}

/** The form's JSON Schema (draft-07, nested forms under `definitions`), or undefined for an unknown service. */
export function formJsonSchema(serviceCode: string): JsonSchema | undefined {
  const service = getService(serviceCode);
  if (!service) return undefined;
  let schema = schemaCache.get(service.code);
  if (!schema) {
    schema = buildFormJsonSchema(service.form.name, service.name, service.nameEn);
    schemaCache.set(service.code, schema);
  }
  return structuredClone(schema);
}
