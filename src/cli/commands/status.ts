// compendium status: which database, where, which schema version, and how many rows in each table.
import type { Command } from 'commander';
import { out, table, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withServices(cmd, async (s) => {
        const st = await s.workspace.status();
        if (opts.json) return out.json(st);
        out.line(`Database: ${st.database === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}`);
        out.line(`Location: ${st.location}`);
        out.line(`Schema:   ${st.schema.migrations} migration(s) applied`);
        out.line(`Council:  ${st.settings.councilName} (${st.settings.councilCode})${st.settings.demo ? ' — demo workspace, invented data' : ''}`);
        out.line('');
        out.line(table(Object.entries(st.counts).map(([t, n]) => [t, n]), ['table', 'rows']));
      });
    });
}
