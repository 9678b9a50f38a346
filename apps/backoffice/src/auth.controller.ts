import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService, Public, SessionService, tokenOf } from '@onewindow/auth';
import { STAFF_SESSION_COOKIE } from './backoffice.constants';

class StaffLoginDto {
  @ApiProperty({ example: 'clerk1' })
  @IsString({ message: 'fields.required' })
  @MaxLength(100, { message: 'fields.text_too_long' })
  username: string;

  @ApiProperty()
  @IsString({ message: 'fields.required' })
  @MaxLength(200, { message: 'fields.text_too_long' })
  password: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class StaffAuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: StaffLoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ token: string }> {
    const { token } = await this.accounts.signIn({ username: body.username }, body.password, 'staff', request.ip);
    void reply.setCookie(STAFF_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict' });
    return { token };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = tokenOf(request, STAFF_SESSION_COOKIE);
    if (token) await this.sessions.end(token);
    void reply.clearCookie(STAFF_SESSION_COOKIE, { path: '/' });
  }
}
