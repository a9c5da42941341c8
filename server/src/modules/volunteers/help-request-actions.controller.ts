import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ConfirmHelpRequestSchema, ConfirmOnBehalfSchema, DispatchHelpRequestSchema, HelpRequestNoteSchema,
} from '../../../../contracts/volunteers.contract';
import type {
  ConfirmHelpRequest, ConfirmOnBehalf, DispatchHelpRequest, HelpRequestDetail, HelpRequestNote,
} from '../../../../contracts/volunteers.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { HelpRequestSeatsService } from './help-request-seats.service';
import { HelpRequestsService } from './help-requests.service';

const STAFF = ['grid_worker', 'community_staff', 'street_admin'] as const;
const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));

/** The steps of a help request; the services check who may act and which transitions its state allows (409 otherwise). */
@ApiTags('help-requests')
@Controller('api/help-requests/:id')
export class HelpRequestActionsController {
  constructor(private readonly seats: HelpRequestSeatsService, private readonly requests: HelpRequestsService) {}

  @Post('claim') @HttpCode(200) @Access.roles('resident')
  claim(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<HelpRequestDetail> {
    return this.seats.claim(a, id);
  }

  @Post('dispatch') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(DispatchHelpRequestSchema)
  dispatch(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(DispatchHelpRequestSchema) b: DispatchHelpRequest): Promise<HelpRequestDetail> {
    return this.seats.dispatch(a, id, b);
  }

  @Post('accept') @HttpCode(200) @Access.roles('resident')
  accept(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<HelpRequestDetail> {
    return this.seats.accept(a, id);
  }

  @Post('decline') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(HelpRequestNoteSchema)
  decline(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(HelpRequestNoteSchema) b: HelpRequestNote): Promise<HelpRequestDetail> {
    return this.seats.decline(a, id, b.note);
  }

  @Post('withdraw') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(HelpRequestNoteSchema)
  withdraw(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(HelpRequestNoteSchema) b: HelpRequestNote): Promise<HelpRequestDetail> {
    return this.seats.withdraw(a, id, b.note);
  }

  @Post('done') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(HelpRequestNoteSchema)
  done(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(HelpRequestNoteSchema) b: HelpRequestNote): Promise<HelpRequestDetail> {
    return this.requests.done(a, id, b.note);
  }

  @Post('confirm') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(ConfirmHelpRequestSchema)
  confirm(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ConfirmHelpRequestSchema) b: ConfirmHelpRequest): Promise<HelpRequestDetail> {
    return this.requests.confirm(a, id, b);
  }

  @Post('confirm-on-behalf') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(ConfirmOnBehalfSchema)
  confirmOnBehalf(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ConfirmOnBehalfSchema) b: ConfirmOnBehalf): Promise<HelpRequestDetail> {
    return this.requests.confirmOnBehalf(a, id, b);
  }

  @Post('cancel') @HttpCode(200) @Access.roles('resident', 'grid_worker') @ApiJsonBody(HelpRequestNoteSchema)
  cancel(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(HelpRequestNoteSchema) b: HelpRequestNote): Promise<HelpRequestDetail> {
    return this.requests.cancel(a, id, b.note);
  }
}
