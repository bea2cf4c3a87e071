// npm run licences: the licence of every package installed with Compendium for production (not the
// development tools), and which of them NOTICE must name because their licence is not MIT, ISC,
// BSD or Apache-2.0. Exits 1 when NOTICE leaves one out. test/licences.test.ts runs the same check.
import fs from 'node:fs';
import path from 'node:path';

export interface InstalledPackage {
  name: string;
  version: string;
  licence: string;
}

const PERMISSIVE = new Set(['MIT', 'MIT/X11', 'ISC', 'BSD', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'Apache-2.0']);

/** True when an SPDX expression lets us use the package under MIT, ISC, BSD or Apache terms alone. */
export function isPermissive(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/\sOR\s/.test(e)) return e.split(/\s+OR\s+/).some(isPermissive);
  if (/\sAND\s/.test(e)) return e.split(/\s+AND\s+/).every(isPermissive);
  return PERMISSIVE.has(e);
}

interface LockEntry { version?: string; license?: string; dev?: boolean }
interface Manifest { license?: string | { type?: string }; licenses?: { type?: string }[] }

function declaredLicence(manifest: Manifest | undefined, lock: LockEntry): string {
  const own = manifest?.license ?? manifest?.licenses?.map((l) => l.type).filter(Boolean).join(' OR ');
  const value = typeof own === 'object' ? own?.type : own;
  return value || lock.license || 'UNKNOWN';
}

/** Every production package the lock file lists, with the licence its own package.json declares. */
export function productionPackages(root: string): InstalledPackage[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const found: InstalledPackage[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev) continue;
    const manifestFile = path.join(root, key, 'package.json');
    const manifest = fs.existsSync(manifestFile) ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest) : undefined;
    found.push({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version ?? '?', licence: declaredLicence(manifest, entry) });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a NOTICE line names the package (exactly, or by a `prefix*` pattern) and its licence. */
function names(line: string, p: InstalledPackage): boolean {
  if (!line.includes(p.licence)) return false;
  return line.split(/[\s,;:()]+/).some((t) => t === p.name || (t.endsWith('*') && t.length > 1 && p.name.startsWith(t.slice(0, -1))));
}

/** The packages whose licence is not permissive and which no line of the NOTICE text names. */
export function missingFromNotice(packages: InstalledPackage[], notice: string): InstalledPackage[] {
  const lines = notice.split('\n');
  return packages.filter((p) => !isPermissive(p.licence) && !lines.some((l) => names(l, p)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '..');
  const all = productionPackages(root);
  const missing = missingFromNotice(all, fs.readFileSync(path.join(root, 'NOTICE'), 'utf8'));
  const byLicence = new Map<string, string[]>();
  for (const p of all) byLicence.set(p.licence, [...(byLicence.get(p.licence) ?? []), `${p.name}@${p.version}`]);
  for (const [licence, list] of [...byLicence].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${licence}: ${list.length}${isPermissive(licence) ? '' : ` (${list.join(', ')})`}`);
  }
  for (const p of missing) console.error(`NOTICE does not name ${p.name} (${p.licence})`);
  process.exit(missing.length ? 1 : 0);
}
