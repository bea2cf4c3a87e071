// compendium status: which database, where, which schema version, and how many rows in each table.
// An embedded workspace nobody holds answers from the status its last holder recorded when its files
// are unchanged since (store/workspace-summary.ts), without starting the database; else it is opened.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import type { WorkspaceStatus } from '../../services/workspace.js';
import { recordedStatus } from '../../services/workspace-summary.js';
import type { GlobalOptions } from '../context.js';
import { out, table } from '../output.js';

export function configure(cmd: Command): void {
  cmd
    .option('--json', 'print as JSON')
    .option('--fresh', 'read the database even when a recorded status is still current')
    .action(async (opts: { json?: boolean; fresh?: boolean }, cmd: Command) => {
      const config = loadConfig({ dataDir: cmd.optsWithGlobals<GlobalOptions>().data });
      const recorded = config.databaseUrl || opts.fresh ? null : recordedStatus(config.dataDir);
      if (recorded) return print(recorded.status, opts.json, recorded.recordedAt);
      const { withServices } = await import('../context.js');
      await withServices(cmd, async (s) => print(await s.workspace.status(), opts.json));
    });
}

function print(st: WorkspaceStatus, json?: boolean, recordedAt?: string): void {
  if (json) return out.json(recordedAt ? { ...st, recordedAt } : st);
  out.line(`Database: ${st.database === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}`);
  out.line(`Location: ${st.location}`);
  out.line(`Schema:   ${st.schema.migrations} migration(s) applied`);
  out.line(`Council:  ${st.settings.councilName} (${st.settings.councilCode})${st.settings.demo ? ' — demo workspace, invented data' : ''}`);
  if (recordedAt) out.line(`As of:    ${recordedAt} (recorded when the workspace was last closed; unchanged since)`);
  out.line('');
  out.line(table(Object.entries(st.counts).map(([t, n]) => [t, n]), ['table', 'rows']));
}
