import { countDeliberation, plainDeliberation, sumCounts } from '../../server/src/modules/deliberation/deliberation-figures.calc';

describe('deliberation figures arithmetic', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };

  it('a resolution done late on its due day (China time) is on time; just after midnight China time it is late', () => {
    const rows = [
      // 2026-11-20 23:30 China time = 15:30 UTC: still the due day.
      { communityId: 1, status: 'done', dueDate: '2026-11-20', doneAt: '2026-11-20 15:30:00.000' },
      // 2026-11-21 00:30 China time = 2026-11-20 16:30 UTC: the next day, late.
      { communityId: 1, status: 'done', dueDate: '2026-11-20', doneAt: new Date('2026-11-20T16:30:00Z') },
      { communityId: 1, status: 'in_progress', dueDate: '2026-11-19', doneAt: null },
      // Due after today: not yet counted as due, but open (and not overdue).
      { communityId: 1, status: 'planned', dueDate: '2026-11-28', doneAt: null },
    ];
    const c = countDeliberation([], [], rows, period, '2026-11-25');
    expect(c).toMatchObject({ resolutionsDue: 3, resolutionsDoneOnTime: 1, onTimeRate: 0.3333, resolutionsOpen: 2, resolutionsOverdue: 1, resolutionsEscalated: 0 });
  });

  it('a topic is resolved when it has resolutions and all are done; on an agenda when on_agenda or discussed', () => {
    const topics = [
      { communityId: 1, status: 'discussed', resolutions: 2, resolutionsDone: '2' },
      { communityId: 1, status: 'discussed', resolutions: 2, resolutionsDone: 1 },
      { communityId: 1, status: 'on_agenda', resolutions: 0, resolutionsDone: 0 },
      { communityId: 1, status: 'merged', resolutions: 0, resolutionsDone: 0 },
      { communityId: 1, status: 'declined', resolutions: 0, resolutionsDone: 0 },
    ];
    const sessions = [{ communityId: 1, registered: 10, checkedIn: 7 }, { communityId: 1, registered: '0', checkedIn: null }];
    const c = countDeliberation(topics, sessions, [], period, '2026-11-25');
    expect(c).toMatchObject({ topicsProposed: 5, topicsOnAgenda: 3, topicsResolved: 1, sessionsHeld: 2, registered: 10, checkedIn: 7, attendanceRate: 0.7 });
    expect(plainDeliberation(c)).toBe(
      '提出议题 5 个，其中 3 个已上会、1 个已全部落实；举行议事 2 场，报名 10 人，到场签到 7 人（70%）；到期决议 0 项，按期完成 0 项；正在落实的决议 0 项，其中逾期 0 项、上报街道 0 项',
    );
  });

  it('street totals are the sums of the communities, with rates from the sums', () => {
    const one = countDeliberation([], [{ communityId: 1, registered: 4, checkedIn: 1 }], [], period, '2026-11-25');
    const two = countDeliberation([], [{ communityId: 2, registered: 6, checkedIn: 6 }], [], period, '2026-11-25');
    expect(sumCounts([one, two])).toMatchObject({ sessionsHeld: 2, registered: 10, checkedIn: 7, attendanceRate: 0.7, onTimeRate: null });
  });
});
