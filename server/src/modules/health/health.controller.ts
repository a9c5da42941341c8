import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthResponse } from '../../../../contracts/health.contract';
import { Access } from '../../common/auth/access.decorator';
import { DatabaseService } from '../../database/database.service';

export const APP_VERSION = '0.1.0';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly db: DatabaseService) {}

  /** 200 when the database answers, 503 when it does not. */
  @Get()
  @Access.public()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const up = await this.db.ping();
    if (!up) void reply.status(503);
    return { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', dialect: this.db.dialect, version: APP_VERSION };
  }
}
