// Export of the learner's progress as xAPI statements (JSON) or CSV, for the options page. The same ids as the
// outbox: a trainer importing an export into an LRS that already has some of it gets no duplicates.
import { buildStatements, statementFactKeys, statementsToCsv, type Statement } from '../../lessons/xapi/statements';
import type { Pack } from '../../lessons/pack/types';
import type { Area } from '../state/area';
import type { KeyValueStore } from '../packs/db';
import { learnerActor, statementIds, type FactRecord } from './identity';

export async function exportStatements(area: Area, factStore: KeyValueStore<FactRecord>, packs: readonly Pack[], homePage?: string): Promise<Statement[]> {
  const stored = await area.get(null);
  const actor = await learnerActor(area, homePage);
  const ids = await statementIds(factStore, statementFactKeys(stored), actor.account.name);
  return buildStatements({ facts: stored, packs, actor, idFor: (key) => ids.get(key)! });
}

export { statementsToCsv };
