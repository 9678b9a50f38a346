import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService, Public, SessionService, tokenOf } from '@onewindow/auth';
import { LoginDto, RegisterDto, SetPasswordDto } from './auth.dto';
import { PORTAL_SESSION_COOKIE } from './portal.constants';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('register')
  register(@Body() body: RegisterDto): Promise<{ id: string }> {
    return this.accounts.registerApplicant(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ token: string }> {
    const { token } = await this.accounts.signIn({ phone: body.phone }, body.password, 'applicant', request.ip);
    void reply.setCookie(PORTAL_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax' });
    return { token };
  }

  /** The link sent by SMS to a person whose account staff made for them. */
  @Public()
  @Post('set-password')
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    await this.accounts.setPassword(body.token, body.password);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = tokenOf(request, PORTAL_SESSION_COOKIE);
    if (token) await this.sessions.end(token);
    void reply.clearCookie(PORTAL_SESSION_COOKIE, { path: '/' });
  }
}
