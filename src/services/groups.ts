// Comparator groups: built in from the reference areas, nearest-neighbour sets imported from a JSON
// map (each council's own group, stored under one name with the council as anchor), and custom lists.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { periodOf } from '../domain/index.js';
import { NotFoundError, ValidationError, type FieldProblem } from '../errors.js';
import type { Db, Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import {
  deleteComparatorGroupsByName, getComparatorGroupsByName, insertComparatorGroup, listComparatorGroupNames,
} from '../store/queries/comparatorGroups.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { getAreaDirectory, type AreaEntry } from '../store/queries/getAreaDirectory.js';

export interface ResolvedGroup {
  name: string;
  /** What the display says: "Nearest statistical neighbours of Leicestershire". */
  label: string;
  /** The council whose own group this is, for anchored (neighbour) groups. */
  anchor: string | null;
  memberCodes: string[];
}

export interface GroupListing {
  name: string;
  kind: 'builtin' | 'neighbours' | 'custom';
  description: string;
  /** Members of an unanchored group; for a neighbour set, how many councils have their own group. */
  size: number;
}

const UPPER_TIER_PREFIXES = ['E06', 'E08', 'E09', 'E10'];
const isUpperTier = (a: AreaEntry) => UPPER_TIER_PREFIXES.includes(a.code.slice(0, 3));
const NAME_PATTERN = /^[a-z0-9][a-z0-9_.:-]*$/i;

/** Whether an area still existed at the start of a period (built-in groups leave abolished councils out). */
const existedIn = (a: AreaEntry, periodStart: string | undefined) => !periodStart || !a.endDate || a.endDate > periodStart;

/** Members of a built-in group, or undefined when the name is not a built-in one. */
export function builtinGroup(name: string, areas: AreaEntry[], periodStart?: string): Omit<ResolvedGroup, 'anchor'> | undefined {
  const live = areas.filter((a) => existedIn(a, periodStart));
  const codes = (xs: AreaEntry[]) => xs.map((a) => a.code);
  if (name === 'english-upper-tier') return { name, label: 'English upper-tier councils', memberCodes: codes(live.filter(isUpperTier)) };
  if (name === 'english-counties') return { name, label: 'English county councils', memberCodes: codes(live.filter((a) => a.type === 'county' && a.code.startsWith('E10'))) };
  if (name.startsWith('region:')) {
    const region = areas.find((a) => a.code === name.slice(7) && a.type === 'region');
    if (!region) return undefined;
    return { name, label: `Upper-tier councils in ${region.name}`, memberCodes: codes(live.filter((a) => isUpperTier(a) && a.region === region.name)) };
  }
  if (name.startsWith('type:')) {
    const type = name.slice(5);
    const members = live.filter((a) => a.type === type);
    if (members.length === 0 || type === 'region' || type === 'nation') return undefined;
    return { name, label: `All ${type.replace(/-/g, ' ')} councils`, memberCodes: codes(members) };
  }
  return undefined;
}

/** Every stored group of one name: the shared list (anchor null) and/or each council's own. */
export interface StoredGroups {
  description: string | null;
  byAnchor: Map<string | null, string[]>;
}

export async function loadStoredGroups(db: Db, name: string): Promise<StoredGroups | undefined> {
  const all = await getComparatorGroupsByName(db, name);
  if (all.length === 0) return undefined;
  return { description: all[0].description, byAnchor: new Map(all.map((g) => [g.anchorAreaCode, g.memberCodes])) };
}

/**
 * Resolves a group name for one council from the areas and the stored groups of that name:
 * built-in first, then the council's own group, then a shared group of that name.
 */
export function resolveGroup(name: string, anchorArea: string | null, periodKey: string | undefined, areas: AreaEntry[], stored: StoredGroups | undefined): ResolvedGroup {
  const builtin = builtinGroup(name, areas, periodKey ? periodOf(periodKey).start : undefined);
  if (builtin) return { ...builtin, anchor: null };
  if (!stored) throw new NotFoundError('Comparator group', name);
  const own = anchorArea ? stored.byAnchor.get(anchorArea) : undefined;
  if (own) {
    const area = areas.find((a) => a.code === anchorArea);
    return { name, label: `${stored.description ?? name} of ${area?.shortName ?? anchorArea}`, anchor: anchorArea, memberCodes: own };
  }
  const shared = stored.byAnchor.get(null);
  if (shared) return { name, label: stored.description ?? name, anchor: null, memberCodes: shared };
  throw new NotFoundError(`Comparator group "${name}" for area`, anchorArea ?? '(none given)');
}

export interface GroupImportOptions {
  name: string;
  description?: string;
  /** Leave out unknown area codes (listed in the result) instead of refusing the file. */
  skipInvalid?: boolean;
  userId?: string | null;
}

export interface GroupImportResult {
  name: string;
  groups: number;
  members: number;
  skipped: FieldProblem[];
}

/** Reads a JSON map "council code → its neighbours' codes" into groups; every problem is reported. */
function parseNeighbourMap(text: string, file: string, known: Set<string>): { groups: Map<string, string[]>; problems: FieldProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${file} is not valid JSON`, [{ file, message: (e as Error).message }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValidationError(`${file} must be a JSON object mapping each council's code to the codes of its group`, [{ file, message: 'expected { "E10000018": ["E10000018", ...], ... }' }]);
  }
  const groups = new Map<string, string[]>();
  const problems: FieldProblem[] = [];
  for (const [anchor, list] of Object.entries(data as Record<string, unknown>)) {
    if (!known.has(anchor)) {
      problems.push({ file, field: anchor, message: `unknown area code "${anchor}"` });
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push({ file, field: anchor, message: 'expected a list of area codes' });
      continue;
    }
    const members = new Set<string>([anchor]);
    list.forEach((code, i) => {
      if (typeof code === 'string' && known.has(code)) members.add(code);
      else problems.push({ file, field: `${anchor}[${i}]`, message: `unknown area code ${JSON.stringify(code)}` });
    });
    groups.set(anchor, [...members].sort());
  }
  return { groups, problems };
}

/** What the group methods share: the database and the built-in groups. */
function groupServiceContext(store: Store) {
  const { db } = store;

  async function knownCodes(): Promise<Set<string>> {
    return new Set((await getAreaDirectory(db)).map((a) => a.code));
  }

  async function replaceGroups(name: string, kind: 'neighbours' | 'custom', description: string | null, groups: Map<string | null, string[]>, userId: string | null) {
    await db.transaction(async (tx) => {
      const replaced = await deleteComparatorGroupsByName(tx, name);
      for (const [anchor, members] of groups) {
        await insertComparatorGroup(tx, { id: randomUUID(), name, kind, anchorAreaCode: anchor, description }, members);
      }
      await bumpDataVersion(tx);
      await appendAuditEvent(tx, {
        userId, action: replaced ? 'replace' : 'create', entityType: 'comparator-group', entityId: name,
        after: { kind, description, groups: groups.size },
      });
    });
  }

  return { db, knownCodes, replaceGroups };
}

type GroupServiceContext = ReturnType<typeof groupServiceContext>;

/** Listing groups and resolving one to its members for an area and period. */
function groupReads(context: GroupServiceContext) {
  const { db } = context;
  return {
    /** Built-in group names (one example each for the families) and every stored group. */
    async list(): Promise<GroupListing[]> {
      const areas = await getAreaDirectory(db);
      const builtins: GroupListing[] = ['english-upper-tier', 'english-counties'].map((name) => {
        const g = builtinGroup(name, areas, new Date().toISOString().slice(0, 10)) as Omit<ResolvedGroup, 'anchor'>;
        return { name, kind: 'builtin', description: g.label, size: g.memberCodes.length };
      });
      builtins.push(
        { name: 'region:<E12 code>', kind: 'builtin', description: 'Upper-tier councils of one English region, e.g. region:E12000004', size: 0 },
        { name: 'type:<area type>', kind: 'builtin', description: 'All councils of one type, e.g. type:district', size: 0 },
      );
      const stored = await listComparatorGroupNames(db);
      return [
        ...builtins,
        ...stored.map((g): GroupListing => ({
          name: g.name, kind: g.anchored ? 'neighbours' : 'custom',
          description: g.description ?? (g.anchored ? 'each council’s own group' : 'custom list'), size: g.groups,
        })),
      ];
    },

    /**
     * The member codes of a group as seen from one council. A neighbour set resolves to the
     * anchor's own group; built-in groups leave out councils abolished before the period starts.
     */
    async resolve(name: string, anchorArea: string | null, periodKey?: string): Promise<ResolvedGroup> {
      const areas = await getAreaDirectory(db);
      const stored = builtinGroup(name, areas) ? undefined : await loadStoredGroups(db, name);
      return resolveGroup(name, anchorArea, periodKey, areas, stored);
    },

    /** Every anchored group of a neighbour set: council code → its group's members. */
    async neighbourSet(name: string): Promise<Map<string, string[]>> {
      const stored = await loadStoredGroups(db, name);
      return new Map([...(stored?.byAnchor ?? [])].filter((e): e is [string, string[]] => e[0] !== null));
    },
  };
}

/** Importing a nearest-neighbour map, or making a custom group, audited. */
function groupImports(context: GroupServiceContext) {
  const { knownCodes, replaceGroups } = context;
  return {
    /**
     * Imports a nearest-neighbour map (JSON: council code → codes of its group) as groups of one
     * name, replacing any of that name. All or nothing unless skipInvalid.
     */
    async import(source: string | { name: string; content: string }, options: GroupImportOptions): Promise<GroupImportResult> {
      const file = typeof source === 'string' ? path.basename(source) : source.name;
      if (!NAME_PATTERN.test(options.name) || builtinGroup(options.name, [], undefined) || /^(region|type):/.test(options.name)) {
        throw new ValidationError(`"${options.name}" cannot be a group name`, [{ field: 'name', message: 'use letters, digits, dash or underscore, and not a built-in group name' }]);
      }
      let text: string;
      try {
        text = typeof source === 'string' ? fs.readFileSync(source, 'utf8') : source.content;
      } catch (e) {
        throw new ValidationError(`Cannot read ${file}`, [{ file, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message }]);
      }
      const { groups, problems } = parseNeighbourMap(text, file, await knownCodes());
      if (problems.length && !options.skipInvalid) {
        throw new ValidationError(`${file}: ${problems.length} problem(s); nothing was imported (use --skip-invalid to leave those codes out)`, problems);
      }
      if (groups.size === 0) throw new ValidationError(`${file} has no groups to import`, [{ file, message: 'the map is empty' }]);
      await replaceGroups(options.name, 'neighbours', options.description ?? 'Nearest statistical neighbours', groups, options.userId ?? null);
      return { name: options.name, groups: groups.size, members: [...groups.values()].reduce((n, m) => n + m.length, 0), skipped: problems };
    },

    /** A custom list of councils under a name (replacing one of that name). */
    async custom(name: string, codes: string[], options: { description?: string; userId?: string | null } = {}): Promise<ResolvedGroup> {
      if (!NAME_PATTERN.test(name) || builtinGroup(name, [], undefined) || /^(region|type):/.test(name)) {
        throw new ValidationError(`"${name}" cannot be a group name`, [{ field: 'name', message: 'use letters, digits, dash or underscore, and not a built-in group name' }]);
      }
      const known = await knownCodes();
      const problems = codes.filter((c) => !known.has(c)).map((c): FieldProblem => ({ field: 'codes', message: `unknown area code "${c}"` }));
      if (problems.length) throw new ValidationError(`The group "${name}" has unknown area codes`, problems);
      if (codes.length === 0) throw new ValidationError(`The group "${name}" has no members`, [{ field: 'codes', message: 'give at least one area code' }]);
      const members = [...new Set(codes)].sort();
      await replaceGroups(name, 'custom', options.description ?? null, new Map([[null, members]]), options.userId ?? null);
      return { name, label: options.description ?? name, anchor: null, memberCodes: members };
    },
  };
}

export function groupService(store: Store) {
  const context = groupServiceContext(store);
  return { ...groupReads(context), ...groupImports(context) };
}

export type GroupService = ReturnType<typeof groupService>;
