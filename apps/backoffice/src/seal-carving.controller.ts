import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SealCarvingService, StaffAccount } from '@onewindow/applications';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

class OrdersQuery {
  @ApiPropertyOptional({ enum: ['open', 'made', 'delivered'] }) @IsOptional() @IsIn(['open', 'made', 'delivered']) status?: string;
  @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

/** 免费刻章: the seal-carving vendor's orders. */
@ApiTags('seal carving')
@Roles('seal_vendor', 'administrator')
@Controller('api/seal-carving/orders')
export class SealCarvingController {
  constructor(private readonly orders: SealCarvingService) {}

  @Get()
  list(@CurrentAccount() account: SignedInAccount, @Query() query: OrdersQuery) {
    return this.orders.listForVendor(asStaff(account), query.status);
  }

  @Post(':id/made')
  @HttpCode(200)
  made(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.orders.mark(asStaff(account), id, 'made');
  }

  @Post(':id/delivered')
  @HttpCode(200)
  delivered(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.orders.mark(asStaff(account), id, 'delivered');
  }
}
