import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuerySchema, type Page, type PageQuery } from '../../../../contracts/common.contract';
import type { NotificationItem, UnreadCountResponse } from '../../../../contracts/notifications.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access.authenticated()
  @ApiQueryFrom(PageQuerySchema)
  list(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(PageQuerySchema, '查询参数')) query: PageQuery): Promise<Page<NotificationItem>> {
    return this.notifications.list(auth, query);
  }

  @Get('unread-count')
  @Access.authenticated()
  unread(@CurrentUser() auth: AuthClaims): Promise<UnreadCountResponse> {
    return this.notifications.unreadCount(auth);
  }

  @Post('read-all')
  @HttpCode(200)
  @Access.authenticated()
  readAll(@CurrentUser() auth: AuthClaims): Promise<UnreadCountResponse> {
    return this.notifications.markAllRead(auth);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access.authenticated()
  read(@CurrentUser() auth: AuthClaims, @Param('id', IdPipe) id: number): Promise<UnreadCountResponse> {
    return this.notifications.markRead(auth, id);
  }
}
