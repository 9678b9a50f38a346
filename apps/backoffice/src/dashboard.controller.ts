import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DashboardService } from '@onewindow/applications';
import { Roles } from '@onewindow/auth';

/** The live leadership dashboard: today's queue, files at red, the 30-day on-time rate, daily submissions. */
@ApiTags('reports')
@Roles('leadership', 'administrator')
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  get() {
    return this.dashboard.get();
  }
}
