import fs from 'node:fs';
import path from 'node:path';
import appConfig from '@/app.config';
import { Routes, TabRoutes } from '@/services/routes';

const clientDir = path.resolve(__dirname, '..', '..', 'client');

interface SubPackage {
  root: string;
  pages: string[];
}

const config = appConfig as unknown as {
  pages: string[];
  subPackages?: SubPackage[];
  subpackages?: SubPackage[];
  tabBar: { list: Array<{ pagePath: string; text: string }> };
  lazyCodeLoading?: string;
};
const subPackages = config.subPackages ?? config.subpackages ?? [];
const allPages = [
  ...config.pages,
  ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`)),
];

describe('app.config.ts', () => {
  it.each(allPages)('page %s exists with index.tsx and index.config.ts', (page) => {
    const dir = path.join(clientDir, path.dirname(page));
    expect(path.basename(page)).toBe('index');
    expect(fs.existsSync(path.join(dir, 'index.tsx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'index.config.ts'))).toBe(true);
  });

  it('lists every page directory on disk (no orphan pages)', () => {
    const onDisk: string[] = [];
    for (const top of ['pages', 'packages']) {
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name === 'index.config.ts') onDisk.push(path.relative(clientDir, path.join(dir, 'index')).split(path.sep).join('/'));
        }
      };
      walk(path.join(clientDir, top));
    }
    expect(onDisk.sort()).toEqual([...allPages].sort());
  });

  it('keeps only the tab pages and the login entry in the main package', () => {
    const tabPages = config.tabBar.list.map((t) => t.pagePath);
    expect([...config.pages].sort()).toEqual([...tabPages, 'pages/login/index'].sort());
    expect(config.tabBar.list.map((t) => t.text)).toEqual(['首页', '问题', '议事', '小红帽', '我的']);
    expect(config.lazyCodeLoading).toBe('requiredComponents');
  });

  it('every route the client navigates to is registered', () => {
    for (const route of Object.values(Routes)) {
      expect(allPages).toContain(route.replace(/^\//, ''));
    }
    for (const tab of TabRoutes) {
      expect(config.tabBar.list.map((t) => `/${t.pagePath}`)).toContain(tab);
    }
  });
});
