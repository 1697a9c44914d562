import {
  GUIDE_ACTION,
  GUIDE_REQUEST,
  isGuideChanged,
  type GuideActionBody,
  type GuideActionReply,
  type GuideReply,
  type GuideRequest,
} from '../../components/state/guide-protocol';
import type { Network, ProfileOwner } from '../../lessons/sites/types';
import { extension } from './extension';
import type { Lifetime } from './lifetime';

export interface SessionEvents {
  /** The background says the switches, the language, the packs or the progress changed: ask again. */
  onChanged(): void;
  /** A message went unanswered while the extension is still there (its worker failed, say). */
  onFailure(): void;
}

/**
 * The tab's session with the background, which keeps the learner's state and runs the engine (a tab never reads
 * storage): it asks what applies to a page, sends the learner's actions back, and hears when something it shows may
 * have changed. A failed message never reaches the page's console; when the extension itself went away (updated,
 * reloaded, removed), the lifetime ends and the guide leaves quietly.
 */
export function createSession(life: Lifetime, network: Network, events: SessionEvents) {
  /** `quiet`: a report the learner does not wait for, whose failure shows nothing. */
  async function send<T>(message: object, quiet = false): Promise<T | null> {
    if (!life.alive) return null;
    try {
      return (await extension.runtime.sendMessage(message)) as T;
    } catch {
      if (life.alive && !quiet) events.onFailure();
      return null;
    }
  }

  const onMessage = (message: unknown) => {
    if (isGuideChanged(message)) events.onChanged();
    return undefined;
  };
  extension.runtime.onMessage.addListener(onMessage);
  life.onStop(() => extension.runtime.onMessage.removeListener(onMessage));

  let asked = 0;
  return {
    /**
     * What applies to a page of this kind; null when the message failed, or when another question was asked since
     * (the page changed meanwhile: only the answer to the latest counts).
     */
    async guide(pageKind: string | null, owner: ProfileOwner = null): Promise<GuideReply | null> {
      const seq = ++asked;
      const request: GuideRequest = { type: GUIDE_REQUEST, network, pageKind, owner };
      const reply = await send<GuideReply>(request);
      return seq === asked && life.alive ? reply : null;
    },
    act: (action: GuideActionBody) => send<GuideActionReply>({ type: GUIDE_ACTION, action }),
    /** A report the learner does not wait for (content health): a failure shows nothing. */
    tell: (message: object) => send<unknown>(message, true),
  };
}
