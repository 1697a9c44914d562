// The class report at the scale it is for: the real Learning Locker (xapi-statements 5.0.1, in memory, Basic auth
// checked) loaded with a generated class of 200 learners (≥ 20,000 statements), then the report read from it with
// the product's own reader and fold (components/report/lrs-reader.ts, lessons/report/class-report.ts), as the
// trainer's page does, in Node. Prints figures; fails only if a count differs from the generator's.
//   node --expose-gc --import tsx tests/tools/bench-report.ts [--learners 200] [--runs 5] [--limits 100,1000]
// (npm run bench:report)
// Timings are wall-clock from the first request to the finished report, LRS on the same (shared) machine.
import { readClassStatements } from '../../components/report/lrs-reader';
import { createClassAggregator } from '../../lessons/report/class-report';
import { generateClass, reportDifferences } from '../support/class-generator';
import { postStatements, startLrs } from '../support/lrs-server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const learners = Number(arg('learners', '200'));
const runs = Number(arg('runs', '5'));
const limits = arg('limits', '100,1000').split(',').map(Number);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

async function main() {
  const credentials = { username: 'trainer-key', password: 'trainer-secret' };
  const generated = generateClass({ learners });
  const count = generated.statements.length;
  const json = JSON.stringify(generated.statements);
  const bytes = Buffer.byteLength(json);
  // For scale: the heap it takes to hold every statement at once (what a report that is not streamed would need).
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let held: unknown = JSON.parse(json);
  globalThis.gc?.();
  const allHeld = process.memoryUsage().heapUsed - base;
  held = null;
  console.log(`class: ${learners} learners, ${count} statements (${mb(bytes)} of JSON; ${mb(allHeld)} of heap to hold them all at once), ${Object.keys(generated.lessons).length} lessons`);
  void held;
  if (learners >= 200 && count < 20_000) throw new Error(`only ${count} statements: the scale asked is ≥ 20,000`);

  const lrs = await startLrs({ credentials });
  try {
    const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    let t = performance.now();
    await postStatements(lrs.endpoint, generated.statements, { batch: 500, authorization });
    console.log(`loaded into Learning Locker in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // The statements the generator made are no longer needed here: only its expected counts are.
    const expected = { ...generated, statements: [] };
    generated.statements.length = 0;

    for (const limit of limits) {
      const times: number[] = [];
      const heapGrowth: number[] = [];
      const retained: number[] = [];
      let pages = 0;
      let largestPage = 0;
      for (let run = 0; run < runs; run++) {
        globalThis.gc?.();
        const before = process.memoryUsage().heapUsed;
        let peak = before;
        const aggregator = createClassAggregator();
        t = performance.now();
        const stats = await readClassStatements({ endpoint: lrs.endpoint, ...credentials }, { packId: expected.pack.id, limit }, aggregator.add, {
          fetch: (u, i) => fetch(u, i),
          onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed)),
        });
        const report = aggregator.report([expected.pack]);
        times.push(performance.now() - t);
        heapGrowth.push(peak - before);
        globalThis.gc?.();
        retained.push(process.memoryUsage().heapUsed - before); // the fold's own state, with the report, after a GC
        pages = stats.pages;
        largestPage = stats.largestPage;
        const differences = reportDifferences(report, expected);
        if (stats.statements !== count || differences.length) {
          console.error(`counts differ (read ${stats.statements} of ${count}):\n${differences.slice(0, 5).join('\n')}`);
          process.exitCode = 1;
          return;
        }
      }
      console.log(
        `page size ${String(limit).padStart(4)}: report ready in median ${(median(times) / 1000).toFixed(2)} s ` +
          `(min ${(Math.min(...times) / 1000).toFixed(2)}, max ${(Math.max(...times) / 1000).toFixed(2)}, ${runs} runs); ` +
          `${pages} pages, at most ${largestPage} statements per page held; heap while reading: +${mb(median(heapGrowth))} (garbage included), ` +
          `kept after GC: ${mb(median(retained))}`,
      );
    }
    console.log(`every count equals the generator's (${count} statements, ${learners} learners, ${Object.keys(expected.lessons).length} lessons)`);
  } finally {
    await lrs.close();
  }
}

await main();
