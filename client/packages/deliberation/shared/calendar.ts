import Taro from '@tarojs/taro';
import type { SessionItem } from '@contracts/deliberation.contract';
import { downloadSessionCalendar } from '@/services/deliberation.api';
import { errorMessage } from '@/services/request';

/** Remind one hour before the start. */
const ALARM_OFFSET_SECONDS = 3600;

const errMsgOf = (err: unknown) => String((err as { errMsg?: string } | null)?.errMsg ?? '');

/** Browser only: hand a downloaded file to the browser to save. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Puts the session into the phone's calendar: WeChat adds it with a reminder; the browser downloads the
 * .ics file (fetched with the login token). Resolves to a message to show, or null when the person cancelled.
 */
export async function addSessionToCalendar(s: SessionItem): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    try {
      saveFile(await downloadSessionCalendar(s.id), `yishi-${s.id}.ics`);
      return '日历文件已下载，打开它就能加到日历';
    } catch (e) {
      return errorMessage(e);
    }
  }
  const startTime = Math.floor(new Date(s.startsAt).getTime() / 1000);
  const endTime = Math.floor(new Date(s.endsAt).getTime() / 1000);
  try {
    await Taro.addPhoneCalendar({
      title: `社区议事：${s.name || '议事亭'}`,
      startTime,
      endTime: String(endTime),
      location: s.place,
      description: '邻里议事亭，请准时参加',
      alarm: true,
      alarmOffset: ALARM_OFFSET_SECONDS,
    });
    return '已加到手机日历，开始前 1 小时提醒您';
  } catch (err) {
    const msg = errMsgOf(err);
    if (/cancel/i.test(msg)) return null;
    if (/auth|deny|denied/i.test(msg)) return '没有日历权限：请在微信设置里允许使用日历后再试';
    return '没能加到日历，请稍后再试';
  }
}
