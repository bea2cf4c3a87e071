// compendium restore FILE: loads a backup into an empty workspace, all or nothing.
import type { Command } from 'commander';
import { out, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .argument('<file>', 'a file written by compendium backup')
    .action(async (file: string, _opts, cmd: Command) => {
      await withServices(cmd, async (s) => {
        const r = await s.backup.restore(file);
        const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
        out.line(`Restored ${rows} rows into ${Object.keys(r.tables).length} tables (${s.store.kind === 'pglite' ? 'embedded database at ' : 'PostgreSQL at '}${s.store.location}).`);
      });
    });
}
