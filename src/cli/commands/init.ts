// compendium init: creates the workspace (database, reference areas, settings).
import type { Command } from 'commander';
import { out, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .action(async (_opts, cmd: Command) => {
      await withServices(cmd, async (s) => {
        const { areas } = await s.workspace.init();
        out.line(`Workspace ready: ${s.store.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'} at ${s.store.location}, ${areas} reference areas.`);
      });
    });
}
