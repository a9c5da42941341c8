import { average, countVolunteers, median, minutesByTeam, rowsOf, type FigureRows, type Teams } from '../../server/src/modules/volunteers/volunteer-figures.calc';

describe('小红帽 figures arithmetic', () => {
  const teams: Teams = {
    all: [{ id: 1, name: '守望相助', communityId: 10 }, { id: 2, name: '银龄先锋', communityId: 10 }, { id: 3, name: '街道先锋队', communityId: null }],
    of: new Map([[100, [1]], [101, [1, 3]]]),
  };
  const listed = teams.all.filter((t) => t.communityId === 10);

  it('median takes the middle, or the mean of the two middles; both round to one decimal; nothing to measure is null', () => {
    expect(median([30, 6, 12])).toBe(12);
    expect(median([3, 30, 6, 12])).toBe(9);
    expect(median([1, 2])).toBe(1.5);
    expect(median([])).toBeNull();
    expect(average([3, 6, 12, 30])).toBe(12.8);
    expect(average([0.5, 1, 2, 3])).toBe(1.6);
    expect(average([])).toBeNull();
  });

  it('a team activity counts for its team only; other credits for each team of the volunteer, or 未入队; idle community teams show 0, idle street teams do not', () => {
    const ledger = [
      { communityId: 10, volunteerId: 100, teamId: null, minutes: 120 },
      { communityId: 10, volunteerId: 101, teamId: null, minutes: '60' },
      { communityId: 10, volunteerId: 101, teamId: 2, minutes: 45 },
      { communityId: 10, volunteerId: 102, teamId: null, minutes: 30 },
      // A credit fully reversed nets to 0: no row for a team that is not listed anyway.
      { communityId: 10, volunteerId: 103, teamId: 9, minutes: 0 },
    ];
    expect(minutesByTeam(ledger, teams, listed)).toEqual([
      { teamId: 1, name: '守望相助', minutes: 180 },
      { teamId: 3, name: '街道先锋队', minutes: 60 },
      { teamId: 2, name: '银龄先锋', minutes: 45 },
      { teamId: null, name: '未入队', minutes: 30 },
    ]);
    expect(minutesByTeam([], teams, listed)).toEqual([{ teamId: 1, name: '守望相助', minutes: 0 }, { teamId: 2, name: '银龄先锋', minutes: 0 }]);
  });

  it('the fulfilment rate counts only requests that reached a final state; open ones wait; rows of another community are left out', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 20) + h * 3600_000);
    const rows: FigureRows = {
      requests: [
        { communityId: 10, status: 'confirmed', createdAt: at(0), confirmedAt: '2026-11-20 06:00:00', firstSeatAt: at(1), rating: 5, proxy: 0 },
        { communityId: 10, status: 'expired', createdAt: at(0), confirmedAt: null, firstSeatAt: null, rating: null, proxy: '1' },
        { communityId: 10, status: 'done', createdAt: at(0), confirmedAt: null, firstSeatAt: at(3), rating: null, proxy: 0 },
        { communityId: 10, status: 'filled', createdAt: at(0), confirmedAt: null, firstSeatAt: at(2), rating: null, proxy: 0 },
        { communityId: 11, status: 'cancelled', createdAt: at(0), confirmedAt: null, firstSeatAt: null, rating: null, proxy: 0 },
      ],
      statuses: [{ communityId: 10, status: 'approved', n: '3' }, { communityId: 10, status: 'applied', n: 2 }, { communityId: 11, status: 'approved', n: 7 }],
      ledger: [],
      active: [{ communityId: 10, volunteerId: 100 }, { communityId: 11, volunteerId: 100 }],
      activities: [{ communityId: 10, signups: '4', attended: 3 }, { communityId: 10, signups: 0, attended: null }],
    };
    expect(countVolunteers(rowsOf(rows, 10), teams, listed)).toMatchObject({
      requestsPosted: 4, requestsConfirmed: 1, requestsOpen: 2, requestsExpired: 1, requestsCancelled: 0, fulfilmentRate: 0.5,
      medianHoursToConfirm: 6, averageHoursToConfirm: 6, medianHoursToFirstVolunteer: 2, averageHoursToFirstVolunteer: 2,
      rated: 1, averageRating: 5, proxyPosted: 1, proxyShare: 0.25, volunteersApproved: 3, volunteersApplied: 2, volunteersActive: 1,
      creditedMinutes: 0, activitiesHeld: 2, activitySignups: 4, activityAttended: 3, attendanceRate: 0.75,
    });
    expect(countVolunteers(rows, teams, listed)).toMatchObject({ requestsPosted: 5, fulfilmentRate: 0.3333, volunteersApproved: 10, volunteersActive: 1 });
  });
});
