// Issue 16, item 5: the default pack's doing-steps complete by themselves on the action that really ends the task.
// ≥ 80 % of doing-steps (Kolb CE and AE) end on an observed action (a walk's last micro-step, or the step's own rule),
// none on a navigation control; the cases the issue names end where the task ends; every walk goes over anchors the
// registry documents on at least one page where they resolve (a saved real page or a synthetic one).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import { doingStepStats, formatDoingStats } from '../../lessons/pack/stats';
import { stepEnd, type Step } from '../../lessons/pack/types';
import { isNavigationAnchor } from '../../lessons/pack/validate';
import { ANCHORS } from '../../lessons/sites';

const steps = DEFAULT_PACK.lessons.flatMap((lesson) => lesson.steps.map((step) => ({ lesson, step })));
const step = (lessonId: string, stepId: string): Step => {
  const found = steps.find((s) => s.lesson.id === lessonId && s.step.id === stepId);
  if (!found) throw new Error(`no step ${lessonId}/${stepId}`);
  return found.step;
};
/** The anchor a step's end listens to: the last micro-step's (or the step's) for `anchor`, else the named one. */
function endTarget(s: Step): string | null {
  const end = stepEnd(s);
  if (end === 'manual') return null;
  const own = s.walk?.length ? s.walk[s.walk.length - 1]!.anchor : s.anchor;
  const [kind, target] = Object.entries(end)[0]!;
  if (kind === 'url') return null;
  return target === 'anchor' ? own ?? null : String(target);
}

describe('the default pack walks', () => {
  const rows = doingStepStats(DEFAULT_PACK);
  const doing = rows.reduce((n, r) => n + r.doing, 0);
  const self = rows.reduce((n, r) => n + r.selfCompleting, 0);

  it('≥ 80 % of doing-steps complete by themselves on their end action (printed by npm run pack -- stats)', () => {
    console.log(formatDoingStats(rows));
    expect(doing).toBeGreaterThanOrEqual(60);
    expect(self / doing).toBeGreaterThanOrEqual(0.8);
  });

  it('no doing-step ends on a navigation control', () => {
    expect(rows.flatMap((r) => r.endOnNavigation)).toEqual([]);
    for (const { lesson, step: s } of steps) {
      if (s.mode !== 'CE' && s.mode !== 'AE') continue;
      const target = endTarget(s);
      if (target) expect(isNavigationAnchor(target), `${lesson.id}/${s.id} ends on ${target}`).toBe(false);
    }
  });

  it('a walk never ends on the control that starts it, and has 2 to 8 micro-steps', () => {
    for (const { lesson, step: s } of steps) {
      if (!s.walk) continue;
      const where = `${lesson.id}/${s.id}`;
      expect(s.walk.length, where).toBeGreaterThanOrEqual(2);
      expect(s.walk.length, where).toBeLessThanOrEqual(8);
      expect(s.done, `${where}: a walk's step has no done of its own`).toBeUndefined();
      expect(endTarget(s), `${where} ends on its first control`).not.toBe(s.walk[0]!.anchor);
    }
  });

  it('the cases the issue names end where the task ends', () => {
    // X bio: Save in the Edit profile form, not the Profile tab
    expect(endTarget(step('x-profile-bio', 'live'))).toBe('x.editProfile.save');
    // Facebook Page reply: the comment's send button, not Notifications
    expect(endTarget(step('fb-reply-within-24h', 'answer-one'))).toBe('facebook.comment.submit');
    // YouTube upload: the video seen as Unlisted on its watch page (the upload happens in Studio, out of reach)
    expect(stepEnd(step('yt-unlisted-tutorial', 'upload-unlisted'))).toEqual({ appears: 'youtube.watch.unlisted' });
    // LinkedIn invitation: Send, after the note was written
    const invite = step('li-connect-with-purpose', 'live');
    expect(invite.walk!.map((w) => w.anchor)).toEqual(['linkedin.profile.connect', 'linkedin.invite.addNote', 'linkedin.invite.note', 'linkedin.invite.send']);
    expect(invite.walk![2]!.done).toEqual({ input: 'anchor' });
    // Facebook "Only me": Post, after Only me was chosen, not the post box opening
    const onlyMe = step('fb-post-only-me', 'private-post');
    expect(onlyMe.walk!.map((w) => w.anchor).slice(-2)).toEqual(['facebook.audience.onlyMe', 'facebook.composer.post']);
  });

  it('every anchor a walk points at is documented to resolve on some page (saved or synthetic)', () => {
    const used = new Set(steps.flatMap(({ step: s }) => (s.walk ?? []).flatMap((w) => [w.anchor, ...Object.values(w.done)])));
    for (const name of used) {
      if (typeof name !== 'string' || name === 'anchor' || name.startsWith('/') || !/^[a-z]+\.[a-zA-Z]+\.[a-zA-Z]+$/.test(name)) continue;
      const def = ANCHORS[name];
      expect(def, name).toBeDefined();
      expect((def!.examples ?? []).some(([count]) => count > 0), `${name} has no page where it resolves`).toBe(true);
    }
  });
});
