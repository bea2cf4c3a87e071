// compendium user: staff accounts for the workspace (add, list, set a password, deactivate).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { ROLES } from '../../domain/index.js';
import { CliError } from '../../errors.js';
import { SYSTEM_ACTOR } from '../../services/policy.js';
import type { Services } from '../../services/index.js';
import { out, table, withServices } from '../context.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks for a password on the terminal without echoing it. */
async function promptPassword(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({ write(chunk, _enc, done) { if (!muted) process.stderr.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => { rl.close(); process.stderr.write('\n'); resolve(answer); });
    muted = true;
  });
}

async function resolveOutcomes(s: Services, given: string[]): Promise<string[]> {
  if (!given.length) return [];
  const structure = await s.plans.structure().catch(() => undefined);
  return given.map((g) => {
    const o = structure?.outcomes.find((x) => x.id === g || x.slug === g);
    if (!o) throw new CliError(`No outcome "${g}" in the current plan.`, 'give an outcome slug as shown on the public site, or its id');
    return o.id;
  });
}

async function findUser(s: Services, email: string) {
  const u = (await s.users.list(SYSTEM_ACTOR)).find((x) => x.email.toLowerCase() === email.toLowerCase());
  if (!u) throw new CliError(`No user with the email ${email}.`, 'see them all with: compendium user list');
  return u;
}

async function passwordFrom(opts: { passwordStdin?: boolean }): Promise<string | undefined> {
  if (opts.passwordStdin) {
    const p = await readStdin();
    if (!p) throw new CliError('--password-stdin was given but nothing came on standard input.');
    return p;
  }
  if (process.stdin.isTTY) {
    const p = await promptPassword('Password (leave blank to generate one): ');
    if (p && (await promptPassword('Same password again: ')) !== p) throw new CliError('The two passwords differ; nothing was changed.');
    return p || undefined;
  }
  return undefined;
}

export function configure(user: Command): void {

  user.command('add')
    .description('create a staff account; the password is asked for, read with --password-stdin, or generated and printed')
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'the person’s name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--service <name>', 'a service a contributor writes for (repeatable)', collect, [])
    .option('--outcome <slug>', 'an outcome a contributor writes for (slug or id; repeatable)', collect, [])
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; name: string; role: string; service: string[]; outcome: string[]; passwordStdin?: boolean }, cmd: Command) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}, not "${opts.role}".`);
      const password = await passwordFrom(opts);
      await withServices(cmd, async (s) => {
        const { user: created, generatedPassword } = await s.users.create(SYSTEM_ACTOR, {
          email: opts.email, name: opts.name, role: opts.role as (typeof ROLES)[number], services: opts.service,
          outcomeIds: await resolveOutcomes(s, opts.outcome), password,
        });
        out.line(`Created ${created.role} ${created.name} <${created.email}>.`);
        if (generatedPassword) out.line(`Password: ${generatedPassword}  (shown once: pass it on securely)`);
      });
    });

  user.command('list')
    .description('list staff accounts')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withServices(cmd, async (s) => {
        const all = await s.users.list(SYSTEM_ACTOR);
        if (opts.json) return out.json(all);
        if (!all.length) return out.line('No users yet: add one with compendium user add --email … --name … --role admin');
        out.line(table(all.map((u) => [u.email, u.name, u.role, u.active ? 'active' : 'deactivated', u.services.join('; ')]), ['email', 'name', 'role', 'status', 'services']));
      });
    });

  user.command('set-password')
    .description('set a new password (asked for, or read with --password-stdin); ends the person’s sessions')
    .requiredOption('--email <email>', 'whose password')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; passwordStdin?: boolean }, cmd: Command) => {
      const password = await passwordFrom(opts);
      if (!password) throw new CliError('No password given.', 'pipe one in with --password-stdin or run this in a terminal');
      await withServices(cmd, async (s) => {
        const u = await findUser(s, opts.email);
        await s.users.setPassword(SYSTEM_ACTOR, u.id, password);
        out.line(`Password changed for ${u.email}; their sessions were ended.`);
      });
    });

  user.command('deactivate')
    .description('stop an account from signing in (its history is kept)')
    .requiredOption('--email <email>', 'whose account')
    .action(async (opts: { email: string }, cmd: Command) => {
      await withServices(cmd, async (s) => {
        const u = await findUser(s, opts.email);
        await s.users.setActive(SYSTEM_ACTOR, u.id, false);
        out.line(`Deactivated ${u.email}.`);
      });
    });
}
