/**
 * 议事亭 check-in and votes: plain constants, no zod (the mini-program imports these at runtime).
 */

/** Check-in opens this many minutes before the session starts (and closes at the end of that day, China time). */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;
/** Staff may (re)set the offline tally until this many hours after the vote closed. */
export const OFFLINE_TALLY_EDIT_HOURS = 24;
export const VOTE_OPTIONS_MIN = 2;
export const VOTE_OPTIONS_MAX = 10;

export const VoteEligibilities = ['checked_in', 'registered', 'community'] as const;
/** Who may vote: checked-in attendees, confirmed registrations, or every resident of the community. */
export type VoteEligibility = (typeof VoteEligibilities)[number];
export const VoteEligibilityLabels: Record<VoteEligibility, string> = {
  checked_in: '已签到的参会居民',
  registered: '已报名的居民',
  community: '本社区全体居民',
};
