import type { FastifyRequest } from 'fastify';
import { DomainError } from '@onewindow/domain/errors';
import type { StaffAccount } from '@onewindow/applications';
import type { SignedInAccount } from '@onewindow/auth';
import { toApiError } from '@onewindow/web';
import { staffOf } from './staff-pages';

export type FormBody = Record<string, unknown>;

/** The signed-in member of staff as the services take them. */
export function staffActor(request: FastifyRequest): StaffAccount {
  const account: SignedInAccount = staffOf(request);
  return { kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections };
}

/** A form's text field, trimmed and bounded ('' when absent or not text). */
export function text(body: FormBody, name: string, max = 2000): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A form's checkboxes of one name: none, one (a string) or several (an array). */
export function checked(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
}

export interface FormProblem {
  status: number;
  /** Per field, in the request's language. */
  errors: Record<string, string>;
  /** For a problem of the whole form (a refused step, a lost race). */
  message?: string;
}

/**
 * A domain error a form shows beside its fields and in the summary (400, 409, 422); anything
 * else is rethrown for the page filter (404 page, sign-in, 500).
 */
export function formProblem(error: unknown, request: FastifyRequest): FormProblem {
  if (!(error instanceof DomainError) || !['validation_failed', 'transition_refused', 'conflict'].includes(error.code)) throw error;
  const api = toApiError(error, request.locale);
  return api.fields ? { status: api.statusCode, errors: api.fields } : { status: api.statusCode, errors: {}, message: api.message };
}

/** The error summary's links: each field's message, pointing at its input. */
export function summaryOf(problem: FormProblem, href: (field: string) => string = (f) => `#${f}`): Array<{ href?: string; text: string }> {
  return [...(problem.message ? [{ text: problem.message }] : []), ...Object.entries(problem.errors).map(([field, message]) => ({ href: href(field), text: message }))];
}
