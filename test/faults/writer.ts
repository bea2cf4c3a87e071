// A process that writes without pause until it is killed: plans of three outcomes with two themes
// each, every one with its audit event, in one transaction per plan, as the workspace's pages do.
// Prints "committed N" after each; the fault suite kills it with SIGKILL part-way.
import { openStore } from '../../src/store/index.js';
import { loadConfig } from '../../src/config.js';
import { services } from '../../src/services/index.js';

const [dataDir, databaseUrl] = process.argv.slice(2);
const store = await openStore({ dataDir, databaseUrl: databaseUrl || undefined });
const s = services(store, loadConfig({ dataDir }));
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  await s.plans.create({
    title: `Plan ${n}`, councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31',
    outcomes: ['One', 'Two', 'Three'].map((title) => ({ title, themes: [{ title: `${title} A` }, { title: `${title} B` }] })),
  });
  process.stdout.write(`committed ${n}\n`);
}
