import {
  allowedActions, canRequest, canSeat, creditMinutes, isDueSoon, isExpired, REQUEST_FROM, slotOf, statusAfterTaking, type HelpActor,
} from '../../server/src/modules/volunteers/help-request-lifecycle';
import { HelpRequestStatuses } from '../../contracts/volunteers.constants';

const nobody: HelpActor = { isRequester: false, isPoster: false, isStaff: false, isApprovedVolunteer: false, seat: null };
const at = (iso: string) => new Date(iso);

describe('help request lifecycle', () => {
  it('allows each request action only from its listed statuses, for every status', () => {
    for (const [action, from] of Object.entries(REQUEST_FROM) as [keyof typeof REQUEST_FROM, readonly string[]][]) {
      for (const s of HelpRequestStatuses) expect([action, s, canRequest(action, s)]).toEqual([action, s, from.includes(s)]);
    }
    expect(canRequest('confirm', 'done')).toBe(true);
    expect(canRequest('confirm', 'confirmed')).toBe(false);
    expect(canRequest('cancel', 'done')).toBe(false);
    expect(canRequest('claim', 'filled')).toBe(false);
  });

  it('moves seats dispatched -> accepted/declined and accepted -> withdrawn only', () => {
    expect(canSeat('accept', 'dispatched')).toBe(true);
    expect(canSeat('accept', 'accepted')).toBe(false);
    expect(canSeat('decline', 'dispatched')).toBe(true);
    expect(canSeat('withdraw', 'accepted')).toBe(true);
    expect(canSeat('withdraw', 'dispatched')).toBe(false);
    expect(canSeat('withdraw', null)).toBe(false);
  });

  it('fills the request when the last seat is taken', () => {
    expect(statusAfterTaking(0, 1)).toBe('filled');
    expect(statusAfterTaking(0, 3)).toBe('open');
    expect(statusAfterTaking(2, 3)).toBe('filled');
  });

  it('expires only an open request with no seat whose window has ended', () => {
    const now = at('2026-05-01T10:00:00Z');
    const past = at('2026-05-01T09:00:00Z');
    expect(isExpired({ status: 'open', takenCount: 0, windowTo: past }, now)).toBe(true);
    expect(isExpired({ status: 'open', takenCount: 1, windowTo: past }, now)).toBe(false);
    expect(isExpired({ status: 'filled', takenCount: 1, windowTo: past }, now)).toBe(false);
    expect(isExpired({ status: 'open', takenCount: 0, windowTo: at('2026-05-01T11:00:00Z') }, now)).toBe(false);
  });

  it('alerts for a drop-out when the request starts within 24 hours', () => {
    const now = at('2026-05-01T10:00:00Z');
    expect(isDueSoon(at('2026-05-02T09:00:00Z'), now)).toBe(true);
    expect(isDueSoon(at('2026-05-02T11:00:00Z'), now)).toBe(false);
    expect(isDueSoon(at('2026-05-01T08:00:00Z'), now)).toBe(true);
  });

  it('credits the window length capped at 4 hours, or the staff figure (capped too)', () => {
    const from = at('2026-05-01T01:00:00Z');
    expect(creditMinutes(from, at('2026-05-01T02:30:00Z'))).toBe(90);
    expect(creditMinutes(from, at('2026-05-01T09:00:00Z'))).toBe(240);
    expect(creditMinutes(from, at('2026-05-01T09:00:00Z'), 60)).toBe(60);
    expect(creditMinutes(from, at('2026-05-01T02:00:00Z'), 600)).toBe(240);
  });

  it('names the availability slot in China time', () => {
    expect(slotOf(at('2026-05-04T01:00:00Z'))).toBe('weekday_morning'); // Monday 09:00 CST
    expect(slotOf(at('2026-05-04T07:00:00Z'))).toBe('weekday_afternoon'); // Monday 15:00
    expect(slotOf(at('2026-05-04T11:00:00Z'))).toBe('weekday_evening'); // Monday 19:00
    expect(slotOf(at('2026-05-02T16:30:00Z'))).toBe('weekend_morning'); // Sunday 00:30 CST
    expect(slotOf(at('2026-05-03T08:00:00Z'))).toBe('weekend_afternoon'); // Sunday 16:00
  });

  it('shows each caller exactly the buttons their part allows', () => {
    const open = { status: 'open' as const, hasRequesterAccount: true };
    expect(allowedActions(open, { ...nobody, isApprovedVolunteer: true })).toEqual(['claim']);
    expect(allowedActions(open, { ...nobody, isRequester: true, isApprovedVolunteer: true })).toEqual(['cancel']);
    expect(allowedActions(open, { ...nobody, isStaff: true })).toEqual(['dispatch']);
    expect(allowedActions(open, { ...nobody, isApprovedVolunteer: true, seat: 'dispatched' })).toEqual(['accept', 'decline']);
    expect(allowedActions({ ...open, status: 'filled' }, { ...nobody, isApprovedVolunteer: true, seat: 'accepted' })).toEqual(['withdraw', 'done']);
    expect(allowedActions({ ...open, status: 'filled' }, { ...nobody, isApprovedVolunteer: true })).toEqual([]);
    expect(allowedActions({ ...open, status: 'done' }, { ...nobody, isRequester: true })).toEqual(['confirm']);
    expect(allowedActions({ ...open, status: 'done' }, { ...nobody, isStaff: true, isPoster: true })).toEqual(['confirm_on_behalf']);
    expect(allowedActions({ ...open, status: 'confirmed' }, { ...nobody, isRequester: true, isStaff: true })).toEqual([]);
  });
});
