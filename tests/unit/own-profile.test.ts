// Issue 17, item 6: a lesson about one's own profile runs on one's own profile, not on a contact's (where its card
// would ring their headline); the task waits there and says where it goes on.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import { computeGuide, needsOwnProfile } from '../../lessons/engine/engine';
import { emptyProgress, startTask } from '../../lessons/engine/progress';
import type { ProfileOwner } from '../../lessons/sites/types';

const T0 = Date.UTC(2026, 11, 1);
const profileLessons = DEFAULT_PACK.lessons.filter((l) => l.pages.includes('profile'));

function guideOn(network: 'linkedin' | 'x' | 'facebook', lessonId: string, owner: ProfileOwner) {
  const progress = startTask(emptyProgress(), { packId: DEFAULT_PACK.id, lessonId }, T0);
  return computeGuide({ packs: [DEFAULT_PACK], learner: { path: 'experimenter', locale: 'en', progress }, page: { network, pageKind: 'profile', owner }, now: T0 });
}

describe('own profile vs someone else’s', () => {
  it('the profile-editing lessons of three networks need one’s own profile; reading ones do not', () => {
    const own = profileLessons.filter(needsOwnProfile).map((l) => l.id);
    expect(own).toEqual(expect.arrayContaining(['li-headline-profile', 'x-profile-bio', 'fb-profile-basics']));
    expect(own.length).toBeLessThan(profileLessons.length); // connecting, messaging… run on a contact's profile
  });

  for (const [network, lessonId] of [['linkedin', 'li-headline-profile'], ['x', 'x-profile-bio'], ['facebook', 'fb-profile-basics']] as const) {
    it(`${lessonId}: on someone else's profile, no task and no hint; the task goes on on one's own`, () => {
      const other = guideOn(network, lessonId, 'other');
      expect(other.task).toBeNull();
      expect(other.resume).toMatchObject({ lessonId, ownProfile: true });
      expect(other.hints.map((h) => h.lessonId)).not.toContain(lessonId);
      for (const owner of ['self', null] as const) expect(guideOn(network, lessonId, owner).task?.lessonId, `owner ${owner}`).toBe(lessonId);
    });
  }
});
