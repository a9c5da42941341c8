import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config';
import { buildDataSourceOptions } from './database/data-source.options';
import { DatabaseService } from './database/database.service';
import { AuditService } from './modules/audit/audit.service';
import { OrgSetupService } from './modules/setup/org-setup.service';
import { bootstrapStreetAdmin, type BootstrapRequest } from './modules/staff/admin-bootstrap';

/**
 * `npm run admin:create -- --street 会战道街道 --name 尹宝峰 [--phone 13800000000] [--force]`
 * On the server's own database (same environment as the service: DATABASE_URL …): runs migrations, creates the street if
 * new, and prints a one-time code that makes the named person its street administrator 街道管理员.
 */
const USAGE = '用法：npm run admin:create -- --street 街道名称 --name 管理员姓名 [--phone 手机号] [--force]';

function parseArgs(argv: string[]): BootstrapRequest | string {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) return `不认识的参数：${a}\n${USAGE}`;
    const key = a.slice(2);
    if (key === 'force' || key === 'help') args[key] = true;
    else if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) return `--${key} 后面缺少内容\n${USAGE}`;
    else args[key] = argv[++i];
  }
  if (args.help) return USAGE;
  const unknown = Object.keys(args).filter((k) => !['street', 'name', 'phone', 'force'].includes(k));
  if (unknown.length) return `不认识的参数：--${unknown.join(', --')}\n${USAGE}`;
  const street = typeof args.street === 'string' ? args.street.trim() : '';
  const name = typeof args.name === 'string' ? args.name.trim() : '';
  const phone = typeof args.phone === 'string' ? args.phone.trim() : null;
  if (!street || street.length > 100) return `请用 --street 写明街道名称（100 字以内）\n${USAGE}`;
  if (!name || name.length > 30) return `请用 --name 写明管理员姓名（30 字以内）\n${USAGE}`;
  if (phone !== null && !/^1\d{10}$/.test(phone)) return `手机号应为 11 位数字：${phone}`;
  return { street, name, phone, force: args.force === true };
}

const beijing = (d: Date) => `${d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;

async function main(): Promise<number> {
  const req = parseArgs(process.argv.slice(2));
  if (typeof req === 'string') {
    process.stderr.write(`${req}\n`);
    return req === USAGE ? 0 : 2;
  }
  const config = loadConfig();
  const ds = await new DataSource(buildDataSourceOptions(config.database)).initialize();
  try {
    const db = new DatabaseService(ds);
    await db.migrate();
    const audit = new AuditService(db);
    const result = await db.transaction((m) => bootstrapStreetAdmin(m, new OrgSetupService(db, audit), audit, req));
    if (!result.ok) {
      process.stderr.write(`“${req.street}”已经有街道管理员：${result.existingAdmins.join('、')}。\n请由街道管理员在邻里“我的 → 人员与邀请”中邀请新的管理员。确需再生成一个邀请码，请加 --force。\n`);
      return 3;
    }
    process.stdout.write([
      `${result.streetCreated ? `已新建街道“${req.street}”。` : `街道“${req.street}”已存在。`}`,
      `已为 ${req.name} 生成街道管理员邀请码：`,
      '',
      `    邀请码：${result.code}`,
      '',
      `有效期至 ${beijing(result.expiresAt)}，只能使用一次。`,
      `请 ${req.name} 用微信打开“邻里”小程序登录，在“我的 → 输入邀请码”里输入这 8 位邀请码（不分大小写，横线可不输），即成为“${req.street}”的街道管理员。`,
      '之后的社区、网格、工作人员都在小程序里设置和邀请，不需要再运行本命令。',
      '邀请码请当面或电话告知本人，不要发到群里。',
      '',
    ].join('\n'));
    return 0;
  } finally {
    await ds.destroy();
  }
}

main().then((code) => process.exit(code)).catch((err: unknown) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `admin:create 失败：${(err as Error).stack ?? String(err)}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
