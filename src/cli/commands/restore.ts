// compendium restore FILE: loads a backup into an empty workspace, all or nothing; with --check, only
// checks the file (digest, counts, every row against the schema's rules) without opening a workspace.
import path from 'node:path';
import type { Command } from 'commander';
import { out, withServices } from '../context.js';
import { checkBackup } from '../../services/backup.js';

const total = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

export function configure(cmd: Command): void {
  cmd
    .argument('<file>', 'a file written by compendium backup')
    .option('--check', 'only check FILE as a restore would (digest, row counts, every row against the schema), writing nothing')
    .action(async (file: string, opts: { check?: boolean }, cmd: Command) => {
      if (opts.check) {
        const r = await checkBackup(path.resolve(file));
        const from = r.database === 'pglite' ? 'the embedded database' : 'PostgreSQL';
        out.line(`${file} is a sound backup: ${total(r.tables)} rows in ${Object.keys(r.tables).length} tables, made ${r.createdAt} from ${from}${r.sha256 ? `, SHA-256 ${r.sha256}` : ''}; nothing was written.`);
        return;
      }
      await withServices(cmd, async (s) => {
        const r = await s.backup.restore(file);
        out.line(`Restored ${total(r.tables)} rows into ${Object.keys(r.tables).length} tables (${s.store.kind === 'pglite' ? 'embedded database at ' : 'PostgreSQL at '}${s.store.location}).`);
      });
    });
}
