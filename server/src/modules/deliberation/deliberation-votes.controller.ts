import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CastBallotRequestSchema, CreateVoteRequestSchema, OfflineTallyRequestSchema,
} from '../../../../contracts/deliberation-votes.contract';
import type {
  CastBallotRequest, CreateVoteRequest, MyBallot, OfflineTallyRequest, VoteItem,
} from '../../../../contracts/deliberation-votes.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationVotesBallotService } from './deliberation-votes-ballot.service';
import { DeliberationVotesService } from './deliberation-votes.service';

const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));
const MEMBERS = ['resident', 'grid_worker', 'community_staff'] as const;

/** 议事亭 votes on agenda items: open, list, cast a ballot, close early, offline tally (举手表决). */
@ApiTags('deliberation')
@Controller('api/deliberation')
export class DeliberationVotesController {
  constructor(private readonly votes: DeliberationVotesService, private readonly ballots: DeliberationVotesBallotService) {}

  @Post('agenda-items/:id/votes') @Access.roles('community_staff') @ApiJsonBody(CreateVoteRequestSchema)
  create(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateVoteRequestSchema) b: CreateVoteRequest): Promise<VoteItem> {
    return this.votes.create(a, id, b);
  }

  @Get('sessions/:id/votes') @Access.roles(...MEMBERS)
  list(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<VoteItem[]> {
    return this.votes.listForSession(a, id);
  }

  @Get('votes/:id') @Access.roles(...MEMBERS)
  get(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<VoteItem> {
    return this.votes.get(a, id);
  }

  @Post('votes/:id/ballot') @Access.roles('resident') @ApiJsonBody(CastBallotRequestSchema)
  cast(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CastBallotRequestSchema) b: CastBallotRequest): Promise<MyBallot> {
    return this.ballots.cast(a, id, b.optionIds);
  }

  @Post('votes/:id/close') @HttpCode(200) @Access.roles('community_staff')
  close(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<VoteItem> {
    return this.votes.close(a, id);
  }

  @Put('votes/:id/offline-tally') @Access.roles('community_staff') @ApiJsonBody(OfflineTallyRequestSchema)
  offlineTally(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(OfflineTallyRequestSchema) b: OfflineTallyRequest): Promise<VoteItem> {
    return this.votes.offlineTally(a, id, b);
  }
}
