import { Inject, Injectable } from '@nestjs/common';
import type { AuthOptionsResponse, DemoUsersResponse, LoginResponse } from '../../../../contracts/auth.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TokenService } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { CommunityEntity, DepartmentEntity, GridEntity, StreetEntity } from '../org/org.entities';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { WechatClient } from './wechat.client';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly wechat: WechatClient,
  ) {}

  options(): AuthOptionsResponse {
    return { wechat: this.config.wechat !== null, devLogin: this.config.auth.devLogin };
  }

  /** wx.login code -> code2Session (network, outside any transaction) -> find or create the user by openid. */
  async loginWithWechat(code: string): Promise<LoginResponse> {
    const session = await this.wechat.code2Session(code);
    const user = await this.findOrCreateByOpenid(session.openid, session.sessionKey);
    return this.login(user);
  }

  async demoUsers(): Promise<DemoUsersResponse> {
    this.assertDevLogin();
    const m = this.db.manager;
    const [users, streets, communities, grids, departments] = await Promise.all([
      m.find(UserEntity, { where: { isDemo: true }, order: { id: 'ASC' } }),
      m.find(StreetEntity), m.find(CommunityEntity), m.find(GridEntity), m.find(DepartmentEntity),
    ]);
    const name = <T extends { id: number; name: string }>(list: T[], id: number | null) => list.find((x) => x.id === id)?.name ?? '';
    const order = ['resident', 'grid_worker', 'community_staff', 'street_admin', 'department'];
    const items = users
      .map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        areaName:
          u.role === 'grid_worker' ? `${name(communities, u.communityId)} ${name(grids, u.gridId)}`
          : u.role === 'department' ? name(departments, u.departmentId)
          : u.role === 'street_admin' ? name(streets, u.streetId)
          : name(communities, u.communityId) || '未选择住址',
      }))
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.id - b.id);
    return { items };
  }

  async devLogin(userId: number): Promise<LoginResponse> {
    this.assertDevLogin();
    const user = await this.db.manager.findOne(UserEntity, { where: { id: userId, isDemo: true } });
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND, 404, '没有这个演示用户');
    return this.login(user);
  }

  /** Dev login only: a new resident with no unit, as a first WeChat login leaves them (not a demo person). */
  async devNewUser(name?: string): Promise<LoginResponse> {
    this.assertDevLogin();
    const id = await this.db.transaction(async (tx) => {
      const r = await tx.insert(UserEntity, { name: name ?? '新用户', role: 'resident', unitConfirmed: false, isDemo: false, createdAt: new Date() });
      const newId = Number(r.identifiers[0].id);
      if (!name) await tx.update(UserEntity, { id: newId }, { name: `新用户${newId}` });
      return newId;
    });
    return this.login(await this.db.manager.findOneByOrFail(UserEntity, { id }));
  }

  private assertDevLogin(): void {
    if (!this.config.auth.devLogin) throw new DomainException(ErrorCode.DEV_LOGIN_DISABLED, 404, '演示登录未开启');
  }

  private async login(user: UserEntity): Promise<LoginResponse> {
    const { token, expiresAt } = this.tokens.issue(user.id, user.role);
    return { token, expiresAt: expiresAt.toISOString(), user: await this.users.describe(user) };
  }

  private async findOrCreateByOpenid(openid: string, sessionKey: string): Promise<UserEntity> {
    const m = this.db.manager;
    const existing = await m.findOne(UserEntity, { where: { openid } });
    if (existing) {
      await this.db.transaction((tx) => tx.update(UserEntity, { id: existing.id }, { wxSessionKey: sessionKey }));
      return existing;
    }
    try {
      await this.db.transaction((tx) =>
        tx.insert(UserEntity, {
          openid, wxSessionKey: sessionKey, name: '微信用户', role: 'resident', unitConfirmed: false, isDemo: false, createdAt: new Date(),
        }),
      );
    } catch (err) {
      // Two first logins at once: the unique openid lets one insert win; the other reads it.
      if (!isUniqueViolation(err)) throw err;
    }
    return m.findOneOrFail(UserEntity, { where: { openid } });
  }
}
