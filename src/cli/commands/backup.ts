// compendium backup FILE: the whole workspace in one portable file.
import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../../errors.js';
import { out, withServices } from '../context.js';

export function configure(cmd: Command): void {
  cmd
    .argument('<file>', 'the backup file to write, e.g. compendium-2026-11-23.backup.gz')
    .option('--force', 'replace FILE if it exists')
    .action(async (file: string, opts: { force?: boolean }, cmd: Command) => {
      const target = path.resolve(file);
      if (fs.existsSync(target) && !opts.force) throw new CliError(`${file} already exists: choose another name or add --force to replace it`);
      if (!fs.existsSync(path.dirname(target))) throw new CliError(`Cannot write ${file}: the folder ${path.dirname(target)} does not exist`);
      await withServices(cmd, async (s) => {
        const r = await s.backup.backup(target);
        const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
        out.line(`Backed up ${rows} rows from ${Object.keys(r.tables).length} tables to ${file} (${(r.bytes / 1024).toFixed(0)} KB); check it any time with: compendium restore --check ${file}`);
        if (r.note) out.warn(r.note);
      });
    });
}
