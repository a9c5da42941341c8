import fs from 'node:fs';
import path from 'node:path';
import { confirmAction, MODAL_BUTTON_MAX } from '@/hooks/use-action';
import { installTaroExtras } from './deliberation-resident.fixtures';

// WeChat's wx.showModal (and Taro H5's) refuses a button text longer than 4 characters: the dialog never opens and the
// button that asked for it does nothing. Every literal button text in the client must fit.
const clientDir = path.resolve(__dirname, '..', '..', 'client');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const buttonTexts = sources(clientDir).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const found: Array<[string, string]> = [];
  for (const m of text.matchAll(/(?:confirmText|cancelText):\s*'([^']*)'/g)) found.push([path.relative(clientDir, file), m[1]]);
  for (const line of text.split('\n').filter((l) => l.includes('confirmAction('))) {
    const last = line.match(/,\s*'([^']*)'\)/);
    if (last) found.push([path.relative(clientDir, file), last[1]]);
  }
  return found;
});

describe('modal button texts', () => {
  it('finds the button texts of the client (the scan works)', () => {
    expect(buttonTexts.length).toBeGreaterThan(20);
    expect(buttonTexts.map(([, t]) => t)).toEqual(expect.arrayContaining(['帮完了', '兑换', '暂停']));
  });

  it.each(buttonTexts)('%s: "%s" fits a WeChat modal button', (_file, label) => {
    expect([...label].length).toBeLessThanOrEqual(MODAL_BUTTON_MAX);
  });
});

describe('confirmAction', () => {
  let showModal: jest.Mock;
  beforeEach(() => {
    showModal = installTaroExtras().showModal;
    showModal.mockReset();
  });

  it('asks with the given texts and resolves true on 确定', async () => {
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    await expect(confirmAction('确认兑换', '用 2 小时兑换？', '兑换')).resolves.toBe(true);
    expect(showModal).toHaveBeenCalledWith({ title: '确认兑换', content: '用 2 小时兑换？', confirmText: '兑换', cancelText: '取消' });
  });

  it('uses 确定 instead of a button text WeChat would refuse', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await expect(confirmAction('已经帮完了？', '…', '已经帮完了')).resolves.toBe(false);
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '确定' }));
  });

  it('asks again with the plain dialog when the first one fails to open', async () => {
    showModal.mockRejectedValueOnce({ errMsg: 'showModal:fail' }).mockResolvedValueOnce({ confirm: true, cancel: false });
    await expect(confirmAction('暂停志愿服务', '确定暂停？', '暂停')).resolves.toBe(true);
    expect(showModal).toHaveBeenCalledTimes(2);
    expect(showModal).toHaveBeenLastCalledWith({ title: '暂停志愿服务', content: '确定暂停？' });
  });
});
