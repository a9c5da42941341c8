import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  CreateAgendaItemRequestSchema, ReorderAgendaRequestSchema, UpdateAgendaItemRequestSchema,
} from '../../../../contracts/deliberation-topics.contract';
import type { AgendaItem, AgendaResponse, ReorderAgendaRequest } from '../../../../contracts/deliberation-topics.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationAgendaService } from './deliberation-agenda.service';

const body = <T>(schema: z.ZodType<T>) => Body(new ZodValidationPipe(schema));
const MEMBERS = ['resident', 'grid_worker', 'community_staff'] as const;

/** 议程 of a session: everyone in the community reads it; community staff build it. */
@ApiTags('deliberation')
@Controller('api/deliberation')
export class DeliberationAgendaController {
  constructor(private readonly agenda: DeliberationAgendaService) {}

  @Get('sessions/:id/agenda') @Access.roles(...MEMBERS)
  list(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<AgendaResponse> {
    return this.agenda.list(a, id);
  }

  @Post('sessions/:id/agenda') @Access.roles('community_staff') @ApiJsonBody(CreateAgendaItemRequestSchema)
  create(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateAgendaItemRequestSchema) b: z.infer<typeof CreateAgendaItemRequestSchema>): Promise<AgendaItem> {
    return this.agenda.create(a, id, b);
  }

  @Put('sessions/:id/agenda/order') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(ReorderAgendaRequestSchema)
  reorder(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ReorderAgendaRequestSchema) b: ReorderAgendaRequest): Promise<AgendaResponse> {
    return this.agenda.reorder(a, id, b);
  }

  @Patch('agenda-items/:id') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(UpdateAgendaItemRequestSchema)
  update(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(UpdateAgendaItemRequestSchema) b: z.infer<typeof UpdateAgendaItemRequestSchema>): Promise<AgendaItem> {
    return this.agenda.update(a, id, b);
  }

  @Delete('agenda-items/:id') @HttpCode(200) @Access.roles('community_staff')
  remove(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<AgendaResponse> {
    return this.agenda.remove(a, id);
  }
}
