import { Body, Controller, Get, Patch, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SetMyUnitRequestSchema, UpdateMeRequestSchema } from '../../../../contracts/users.contract';
import type { MeResponse, SetMyUnitRequest, UpdateMeRequest } from '../../../../contracts/users.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller('api/me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access.authenticated()
  me(@CurrentUser() auth: AuthClaims): Promise<MeResponse> {
    return this.users.me(auth);
  }

  @Patch()
  @Access.authenticated()
  @ApiJsonBody(UpdateMeRequestSchema)
  update(@CurrentUser() auth: AuthClaims, @Body(new ZodValidationPipe(UpdateMeRequestSchema)) body: UpdateMeRequest): Promise<MeResponse> {
    return this.users.updateMe(auth, body);
  }

  @Put('unit')
  @Access.roles('resident')
  @ApiJsonBody(SetMyUnitRequestSchema)
  setUnit(@CurrentUser() auth: AuthClaims, @Body(new ZodValidationPipe(SetMyUnitRequestSchema)) body: SetMyUnitRequest): Promise<MeResponse> {
    return this.users.setUnit(auth, body);
  }
}
