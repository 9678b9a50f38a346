import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '@onewindow/domain/errors';
import type { StaffRole } from '@onewindow/domain';
import { SessionService, SignedInAccount } from './session.service';

declare module 'fastify' {
  interface FastifyRequest {
    account?: SignedInAccount;
  }
}

export const PUBLIC_ROUTE = 'onewindow:public';
export const REQUIRED_ROLES = 'onewindow:roles';

/** Marks a route that needs no sign-in (login, register, public look-ups). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** The staff roles of which the caller must hold at least one. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentAccount = createParamDecorator((_: unknown, ctx: ExecutionContext): SignedInAccount => {
  const account = ctx.switchToHttp().getRequest<FastifyRequest>().account;
  if (!account) throw new UnauthenticatedError();
  return account;
});

export function tokenOf(request: FastifyRequest, cookieName: string): string | null {
  const header = request.headers.authorization;
  if (header && /^Bearer\s+/i.test(header)) return header.replace(/^Bearer\s+/i, '').trim();
  return request.cookies?.[cookieName] ?? null;
}

/**
 * Every route of an app is signed-in by default; the app's kind of account is the only kind
 * it answers (an applicant's token never reaches a staff route, and the reverse).
 */
@Injectable()
export class AccountGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly options: { kind: 'applicant' | 'staff'; cookieName: string },
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = tokenOf(request, this.options.cookieName);
    const account = token ? await this.sessions.resolve(token) : null;
    if (account && account.kind === this.options.kind) request.account = account;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!account) throw new UnauthenticatedError();
    if (account.kind !== this.options.kind) {
      throw new ForbiddenError(this.options.kind === 'staff' ? 'errors.staff_only' : 'errors.applicants_only');
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => account.roles.includes(role))) throw new ForbiddenError();
    return true;
  }
}
