/** Volunteers (小红帽) and help requests (微心愿): plain constants, no zod (the mini-program imports these). */
export const VolunteerSkills = ['digital_help', 'companionship', 'errands', 'small_repairs', 'clinic_escort', 'tutoring', 'other'] as const;
export type VolunteerSkill = (typeof VolunteerSkills)[number];
export const VolunteerSkillLabels: Record<VolunteerSkill, string> = {
  digital_help: '手机电脑帮忙',
  companionship: '陪伴聊天',
  errands: '跑腿代办',
  small_repairs: '小修小补',
  clinic_escort: '陪同就医',
  tutoring: '辅导功课',
  other: '其他',
};

/** When a volunteer is usually free: weekday/weekend × morning/afternoon/evening (China time). */
export const AvailabilitySlots = [
  'weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend_morning', 'weekend_afternoon', 'weekend_evening',
] as const;
export type AvailabilitySlot = (typeof AvailabilitySlots)[number];
export const AvailabilitySlotLabels: Record<AvailabilitySlot, string> = {
  weekday_morning: '工作日上午',
  weekday_afternoon: '工作日下午',
  weekday_evening: '工作日晚上',
  weekend_morning: '周末上午',
  weekend_afternoon: '周末下午',
  weekend_evening: '周末晚上',
};

/**
 * applied → approved | declined; approved → suspended (暂停, by staff with a reason) → approved (恢复);
 * declined → applied (applies again). Only 'approved' may claim, be dispatched, accept a dispatch or sign up for activities.
 */
export const VolunteerStatuses = ['applied', 'approved', 'declined', 'suspended'] as const;
export type VolunteerStatus = (typeof VolunteerStatuses)[number];
export const VolunteerStatusLabels: Record<VolunteerStatus, string> = { applied: '待审核', approved: '已通过', declined: '未通过', suspended: '已暂停' };

/** A volunteer's history (immutable rows): what happened to their status, who did it, and why. */
export const VolunteerEventTypes = ['applied', 'approved', 'declined', 'suspended', 'reinstated'] as const;
export type VolunteerEventType = (typeof VolunteerEventTypes)[number];
export const VolunteerEventTypeLabels: Record<VolunteerEventType, string> = {
  applied: '报名', approved: '审核通过', declined: '未通过', suspended: '暂停服务', reinstated: '恢复服务',
};

export const TeamLevels = ['community', 'street'] as const;
export type TeamLevel = (typeof TeamLevels)[number];

/**
 * open (seats free) → filled (every seat taken) → done (a volunteer marked it done) → confirmed (requester or staff).
 * A withdrawal or a declined dispatch gives a seat back (filled → open). open/filled → cancelled by the requester;
 * open with no seat taken → expired when its window has passed.
 */
export const HelpRequestStatuses = ['open', 'filled', 'done', 'confirmed', 'cancelled', 'expired'] as const;
export type HelpRequestStatus = (typeof HelpRequestStatuses)[number];
export const HelpRequestStatusLabels: Record<HelpRequestStatus, string> = {
  open: '待接单', filled: '已接单', done: '待确认', confirmed: '已完成', cancelled: '已取消', expired: '已过期',
};

/** A volunteer's seat on a request: dispatched (派单, waiting for the volunteer) or accepted (接单 or dispatch accepted). */
export const AssignmentStatuses = ['dispatched', 'accepted', 'declined', 'withdrawn', 'released'] as const;
export type AssignmentStatus = (typeof AssignmentStatuses)[number];
export const AssignmentStatusLabels: Record<AssignmentStatus, string> = {
  dispatched: '待接受派单', accepted: '已接单', declined: '已谢绝', withdrawn: '已退出', released: '已释放',
};

export const HELP_REQUEST_TEXT_MAX = 500;
export const VOLUNTEERS_NEEDED_MAX = 5;
/** Hours credited on confirmation: the window length, capped at this; staff may enter another figure up to it. */
export const CREDIT_MINUTES_CAP = 240;
/** A drop-out this close to the start alerts the team and staff. */
export const DROP_OUT_ALERT_HOURS = 24;
/** "Fewest recent tasks first" looks back this far. */
export const RECENT_TASKS_DAYS = 30;
/** A window may start at most this far ahead. */
export const WINDOW_MAX_DAYS_AHEAD = 60;
