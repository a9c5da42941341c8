import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { toJSONSchema } from 'zod';
import { PhotoMimeTypes } from '../../../../contracts/photos.contract';
import {
  Open311CreateRequestSchema,
  Open311JurisdictionQuerySchema,
  Open311RequestsQuerySchema,
  type Open311CreatedRequest,
  type Open311CreateRequest,
  type Open311JurisdictionQuery,
  type Open311RequestsQuery,
  type Open311Service,
  type Open311ServiceRequest,
} from '../../../../contracts/open311.contract';
import { Access } from '../../common/auth/access.decorator';
import { ApiQueryFrom } from '../../common/http/openapi';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { Open311QueryService } from './open311-query.service';
import { Open311SubmitService } from './open311-submit.service';
import { Open311ValidationPipe } from './open311-validation.pipe';

const CREATE_BODY = toJSONSchema(Open311CreateRequestSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/**
 * Open311 GeoReport v2 (JSON) for public concerns; see contracts/open311.contract.ts for the
 * extensions. No login: reading is open, filing needs a street's api_key (checked in the service).
 * Errors are GeoReport's `[{ code, description }]` (Open311ExceptionFilter).
 */
@ApiTags('open311')
@Controller('open311/v2')
@UseFilters(Open311ExceptionFilter)
export class Open311Controller {
  constructor(private readonly query: Open311QueryService, private readonly submit: Open311SubmitService) {}

  @Get('services.json')
  @Access.public()
  @ApiQueryFrom(Open311JurisdictionQuerySchema)
  @ApiOperation({ summary: 'GeoReport v2: the concern categories as services' })
  services(@Query(new Open311ValidationPipe(Open311JurisdictionQuerySchema)) q: Open311JurisdictionQuery): Promise<Open311Service[]> {
    return this.query.services(q);
  }

  @Get('requests.json')
  @Access.public()
  @ApiQueryFrom(Open311RequestsQuerySchema)
  @ApiOperation({ summary: 'GeoReport v2: public concerns (last 90 days by default; page/page_size ≤ 200 are an extension)' })
  requests(@Query(new Open311ValidationPipe(Open311RequestsQuerySchema)) q: Open311RequestsQuery): Promise<Open311ServiceRequest[]> {
    return this.query.requests(q);
  }

  @Get('requests/:id.json')
  @Access.public()
  @ApiQueryFrom(Open311JurisdictionQuerySchema)
  @ApiOperation({ summary: 'GeoReport v2: one public concern, as a one-element array' })
  one(@Param('id') id: string, @Query(new Open311ValidationPipe(Open311JurisdictionQuerySchema)) q: Open311JurisdictionQuery): Promise<Open311ServiceRequest[]> {
    return this.query.one(id, q);
  }

  @Post('requests.json')
  @Access.public()
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: CREATE_BODY })
  @ApiOperation({ summary: 'GeoReport v2: file a public concern with a street’s api_key; address_id (unit:<id> | building:<id>) is a required extension' })
  create(@Body(new Open311ValidationPipe(Open311CreateRequestSchema)) body: Open311CreateRequest): Promise<Open311CreatedRequest[]> {
    return this.submit.submit(body);
  }

  @Get('media/:id')
  @Access.public()
  @ApiProduces(...PhotoMimeTypes)
  @ApiOperation({ summary: 'A photo submitted with a public concern (media_url)' })
  @Header('cache-control', 'public, max-age=300')
  @Header('x-content-type-options', 'nosniff')
  async media(@Param('id') id: string): Promise<StreamableFile> {
    const photo = await this.query.media(id);
    return new StreamableFile(photo.stream, { type: photo.mime, length: photo.size });
  }
}
