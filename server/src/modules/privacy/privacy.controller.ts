import { Body, Controller, Delete, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DeleteAccountRequestSchema, type DeleteAccountRequest, type DeleteAccountResponse, type MyDataResponse } from '../../../../contracts/privacy.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { AccountDeletionService } from './account-deletion.service';
import { PrivacyDataService } from './privacy-data.service';

/** 我的数据与注销 (PIPL): what Linli holds about me, as a page and as a file; deleting my account. */
@ApiTags('me')
@Controller('api/me')
export class PrivacyController {
  constructor(private readonly data: PrivacyDataService, private readonly deletion: AccountDeletionService) {}

  @Get('data') @Access.authenticated()
  myData(@CurrentUser() auth: AuthClaims): Promise<MyDataResponse> {
    return this.data.myData(auth);
  }

  @Get('data/export') @Access.authenticated() @ApiProduces('application/json') @Header('cache-control', 'no-store')
  async export(@CurrentUser() auth: AuthClaims, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.data.export(auth);
    void reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  @Delete() @HttpCode(200) @Access.authenticated() @ApiJsonBody(DeleteAccountRequestSchema)
  deleteMe(@CurrentUser() auth: AuthClaims, @Body(new ZodValidationPipe(DeleteAccountRequestSchema)) _body: DeleteAccountRequest): Promise<DeleteAccountResponse> {
    return this.deletion.deleteMe(auth);
  }
}
