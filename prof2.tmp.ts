import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
const snap = fs.readFileSync('/tmp/compendium-snapshot-77849e3988aeec91.tar.gz');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const p = new PGlite({ loadDataDir: new Blob([snap]) }); await p.waitReady;
const t = await p.query<{ relname: string; n: number }>(`select c.relname, c.reltuples::int as n from pg_class c join pg_namespace ns on ns.oid=c.relnamespace where ns.nspname='public' and c.relkind='r' order by 1`);
const counts: string[] = [];
for (const r of t.rows) { const q = await p.query<{ c: number }>(`select count(*)::int c from "${r.relname}"`); counts.push(`${r.relname}=${q.rows[0].c}`); }
console.log(counts.join(' '));
const nonEmpty = counts.filter((c) => !c.endsWith('=0'));
console.log('nonempty', nonEmpty);
const names = t.rows.map((r) => `"${r.relname}"`).join(', ');
for (let i = 0; i < 3; i++) {
  let c0 = cpu();
  await p.exec(`truncate ${names} restart identity cascade`);
  console.log('truncate all', cpu() - c0);
}
c0: {
  const c0 = cpu();
  await p.exec('checkpoint');
  const dump = await p.dumpDataDir('gzip');
  console.log('dump', cpu() - c0, dump.size);
  const c1 = cpu();
  const q = new PGlite({ loadDataDir: dump }); await q.waitReady;
  console.log('open after checkpoint', cpu() - c1);
  const dump2 = await p.dumpDataDir('none');
  const c2 = cpu();
  const q2 = new PGlite({ loadDataDir: dump2 }); await q2.waitReady;
  console.log('open uncompressed', cpu() - c2, dump2.size);
}
