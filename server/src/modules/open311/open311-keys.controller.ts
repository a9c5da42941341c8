import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateApiKeyRequestSchema, type ApiKeyItem, type CreateApiKeyRequest, type CreatedApiKey } from '../../../../contracts/open311.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { Open311KeysService } from './open311-keys.service';

/** Street admins issue, list and revoke their street's Open311 API keys. */
@ApiTags('open311')
@Controller('api/open311/keys')
export class Open311KeysController {
  constructor(private readonly keys: Open311KeysService) {}

  @Post()
  @Access.roles('street_admin')
  @ApiJsonBody(CreateApiKeyRequestSchema)
  create(@CurrentUser() auth: AuthClaims, @Body(new ZodValidationPipe(CreateApiKeyRequestSchema)) body: CreateApiKeyRequest): Promise<CreatedApiKey> {
    return this.keys.create(auth, body);
  }

  @Get()
  @Access.roles('street_admin')
  list(@CurrentUser() auth: AuthClaims): Promise<{ items: ApiKeyItem[] }> {
    return this.keys.list(auth);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Access.roles('street_admin')
  revoke(@CurrentUser() auth: AuthClaims, @Param('id', IdPipe) id: number): Promise<ApiKeyItem> {
    return this.keys.revoke(auth, id);
  }
}
