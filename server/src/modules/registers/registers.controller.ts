import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AreaLeaderLevels, AssignLeaderRequestSchema, ExportQuerySchema, HouseholdsQuerySchema, ImportQuerySchema, LeadersQuerySchema,
  REGISTER_FILE_MAX_BYTES, REGISTER_UPLOAD_FIELD, UpdateHouseholdRequestSchema,
  type AreaLeaderLevel, type AssignLeaderRequest, type HouseholdDetail, type HouseholdsPage, type HouseholdsQuery, type ImportQuery, type ImportResult,
  type LeaderSlot, type LeadersQuery, type LeadersResponse, type RegisterAreas, type RegisterExportQuery, type UpdateHouseholdRequest,
} from '../../../../contracts/registers.contract';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { XLSX_MIME } from '../../common/xlsx';
import { AreaLeadersService } from './area-leaders.service';
import { RegisterImportService } from './register-import.service';
import { RegistersService } from './registers.service';

const STAFF = ['community_staff', 'street_admin'] as const;
const READERS = ['grid_worker', 'community_staff', 'street_admin'] as const;
const q = <T>(s: z.ZodType<T>) => Query(new ZodValidationPipe(s, '查询参数'));
const LevelPipe = new ZodValidationPipe<AreaLeaderLevel>(z.enum(AreaLeaderLevels), '层级');

/** One .xlsx per request, streamed; the parser stops it at REGISTER_FILE_MAX_BYTES (413). */
const UPLOAD = FileStreamInterceptor(REGISTER_UPLOAD_FIELD, {
  limits: { fileSize: REGISTER_FILE_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
});

/** Registers 台账: households of one's area (import, export, read, edit) and the 网格长/楼栋长. */
@ApiTags('registers')
@Controller('api/registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService, private readonly importer: RegisterImportService, private readonly leaders: AreaLeadersService) {}

  @Post('import') @HttpCode(200) @Access.roles(...STAFF) @UseInterceptors(UPLOAD) @ApiConsumes('multipart/form-data') @ApiQueryFrom(ImportQuerySchema)
  @ApiBody({ schema: { type: 'object', required: [REGISTER_UPLOAD_FIELD], properties: { [REGISTER_UPLOAD_FIELD]: { type: 'string', format: 'binary' } } } })
  import(@CurrentUser() a: AuthClaims, @q(ImportQuerySchema) p: ImportQuery, @UploadedFile() file: MultipartFileStream | undefined): Promise<ImportResult> {
    return this.importer.import(a, file?.stream, p.dryRun === '1', file?.originalname);
  }

  @Get('export') @Access.roles(...STAFF) @ApiQueryFrom(ExportQuerySchema) @ApiProduces(XLSX_MIME)
  async export(@CurrentUser() a: AuthClaims, @q(ExportQuerySchema) p: RegisterExportQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.registers.export(a, p);
    void reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Get('areas') @Access.roles(...READERS)
  areas(@CurrentUser() a: AuthClaims): Promise<RegisterAreas> {
    return this.registers.areas(a);
  }

  @Get('households') @Access.roles(...READERS) @ApiQueryFrom(HouseholdsQuerySchema)
  list(@CurrentUser() a: AuthClaims, @q(HouseholdsQuerySchema) p: HouseholdsQuery): Promise<HouseholdsPage> {
    return this.registers.list(a, p);
  }

  @Get('households/:id') @Access.roles(...READERS)
  detail(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<HouseholdDetail> {
    return this.registers.detail(a, id);
  }

  @Patch('households/:id') @Access.roles(...READERS) @ApiJsonBody(UpdateHouseholdRequestSchema)
  update(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(UpdateHouseholdRequestSchema)) b: UpdateHouseholdRequest): Promise<HouseholdDetail> {
    return this.registers.update(a, id, b);
  }

  @Get('leaders') @Access.roles(...READERS) @ApiQueryFrom(LeadersQuerySchema)
  listLeaders(@CurrentUser() a: AuthClaims, @q(LeadersQuerySchema) p: LeadersQuery): Promise<LeadersResponse> {
    return this.leaders.list(a, p);
  }

  @Put('leaders') @Access.roles(...STAFF) @ApiJsonBody(AssignLeaderRequestSchema)
  assignLeader(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(AssignLeaderRequestSchema)) b: AssignLeaderRequest): Promise<LeaderSlot> {
    return this.leaders.assign(a, b);
  }

  @Delete('leaders/:level/:areaId') @HttpCode(204) @Access.roles(...STAFF)
  clearLeader(@CurrentUser() a: AuthClaims, @Param('level', LevelPipe) level: AreaLeaderLevel, @Param('areaId', IdPipe) areaId: number): Promise<void> {
    return this.leaders.clear(a, level, areaId);
  }
}
