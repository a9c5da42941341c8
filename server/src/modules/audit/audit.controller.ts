import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditQuerySchema, type AuditPage, type AuditQuery } from '../../../../contracts/audit.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access.roles('street_admin')
  list(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(AuditQuerySchema, '查询参数')) q: AuditQuery): Promise<AuditPage> {
    return this.audit.streetLog(auth, q);
  }
}
