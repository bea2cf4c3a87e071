// compendium init: creates the workspace (database, reference areas, settings).
import type { Command } from 'commander';
import { out, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .option('--council <code>', 'the council whose plan this is, by GSS code (e.g. E10000018); a setting, changeable later')
    .action(async (opts: { council?: string }, cmd: Command) => {
      await withServices(cmd, async (s) => {
        const { areas } = await s.workspace.init();
        out.line(`Workspace ready: ${s.store.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'} at ${s.store.location}, ${areas} reference areas.`);
        if (opts.council !== undefined) {
          const council = await s.workspace.setCouncil(opts.council);
          out.line(`Council: ${council.name} (${council.code}).`);
        }
      });
    });
}
