import { z } from 'zod';
import {
  type AgendaItem,
  type Ask,
  type AssemblyDetails,
  DEFAULT_WARNING_MS,
  type Institution,
  ITEM_KINDS,
  type PowerHolder,
} from '../domain/assembly';
import { DEFAULT_RESPONSE_MS } from '../domain/responses';
import {
  idField,
  moment,
  multilineText,
  requiredMultilineText,
  requiredText,
  text,
  timeZoneField,
} from './fields';
import { LIMITS } from './limits';

export { LIMITS };

// The setup file an organiser imports (docs/setup-format.md, examples/demo-assembly.json).

const detailsShape = {
  title: requiredText(LIMITS.title),
  venue: text(LIMITS.title).default(''),
  startsAt: moment.nullable().default(null),
  endsAt: moment.nullable().default(null),
  /** Where the exports' times are written: '' is the server's own zone; left out, it stays as it is. */
  timeZone: timeZoneField.optional(),
};

export const assemblyDetailsSchema = z
  .object(detailsShape)
  .strict()
  .refine((d) => d.startsAt === null || d.endsAt === null || d.endsAt > d.startsAt, {
    message: 'The planned finish must be after the planned start.',
    path: ['endsAt'],
  });

const institutionSchema = z
  .object({
    id: idField.optional(),
    name: requiredText(LIMITS.title),
    section: text(60).default(''),
    committed: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();

const powerHolderSchema = z
  .object({
    id: idField,
    name: requiredText(LIMITS.title),
    role: text(LIMITS.title).default(''),
    organisation: text(LIMITS.title).default(''),
    attending: z.boolean().default(true),
  })
  .strict();

const askSchema = z
  .object({
    id: idField,
    title: requiredText(LIMITS.title),
    wording: requiredMultilineText(LIMITS.wording),
    targets: z.array(idField).max(LIMITS.powerHolders).default([]),
    commitment: z
      .object({
        action: text(LIMITS.title).default(''),
        deadline: text(LIMITS.title).default(''),
        owner: text(LIMITS.title).default(''),
        measure: text(LIMITS.title).default(''),
      })
      .strict()
      .default({ action: '', deadline: '', owner: '', measure: '' }),
  })
  .strict();

const agendaItemSchema = z
  .object({
    id: idField.optional(),
    kind: z.enum(ITEM_KINDS),
    title: requiredText(LIMITS.title),
    speaker: text(LIMITS.title).default(''),
    minutes: z.number().min(0).max(600),
    warningSeconds: z
      .number()
      .min(0)
      .max(3600)
      .default(DEFAULT_WARNING_MS / 1000),
    notes: multilineText(LIMITS.notes).default(''),
    ask: idField.nullable().default(null),
    /** Each power-holder's time to answer this item's ask. */
    responseSeconds: z
      .number()
      .min(5)
      .max(600)
      .default(DEFAULT_RESPONSE_MS / 1000),
  })
  .strict();

export const setupFileSchema = z
  .object({
    // Only what the file names is changed: no defaults here, or a missing venue would blank it.
    assembly: z
      .object({
        title: requiredText(LIMITS.title).optional(),
        venue: text(LIMITS.title).optional(),
        startsAt: moment.nullable().optional(),
        endsAt: moment.nullable().optional(),
        timeZone: timeZoneField.optional(),
      })
      .strict()
      .optional(),
    institutions: z.array(institutionSchema).max(LIMITS.institutions).default([]),
    powerHolders: z.array(powerHolderSchema).max(LIMITS.powerHolders).default([]),
    asks: z.array(askSchema).max(LIMITS.asks).default([]),
    agenda: z.array(agendaItemSchema).max(LIMITS.agendaItems).default([]),
  })
  .strict();
export type SetupFile = z.output<typeof setupFileSchema>;
/** What a person or a file may send: defaults not yet filled in. */
export type SetupFileInput = z.input<typeof setupFileSchema>;

export interface Setup {
  details: Partial<AssemblyDetails>;
  agenda: AgendaItem[];
  institutions: Institution[];
  powerHolders: PowerHolder[];
  asks: Ask[];
}

export type SetupResult = { ok: true; setup: Setup } | { ok: false; problems: string[] };

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

/**
 * Checks what a schema cannot see (references between sections, duplicate ids and names)
 * and gives every row an id. Pure: ids are derived from position, not random.
 */
/**
 * Ids for rows given without one, made from their names: re-importing the same file with
 * its rows in another order keeps every id on the same row (ids from row numbers would
 * silently move check-ins to another institution, or the running item to another item).
 * Rows that share a slug are told apart by -2, -3 in file order.
 */
export function idsFromNames(rows: { id?: string | undefined; name: string }[], fallback: string): string[] {
  const given = new Set(rows.flatMap((row) => (row.id ? [row.id] : [])));
  const taken = new Set<string>(given);
  return rows.map((row) => {
    if (row.id) return row.id;
    const slug =
      row.name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 34)
        .replace(/-+$/, '') || fallback;
    let id = slug;
    for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
    taken.add(id);
    return id;
  });
}

export function normaliseSetup(file: SetupFile): SetupResult {
  const problems: string[] = [];
  const institutionIds = idsFromNames(file.institutions, 'institution');
  const itemIds = idsFromNames(
    file.agenda.map((row) => ({ id: row.id, name: row.title })),
    'item',
  );
  const institutions = file.institutions.map((row, i) => ({
    id: institutionIds[i]!,
    name: row.name,
    section: row.section,
    committed: row.committed,
  }));
  const agenda = file.agenda.map((row, i) => ({
    id: itemIds[i]!,
    kind: row.kind,
    title: row.title,
    speaker: row.speaker,
    durationMs: Math.round(row.minutes * 60_000),
    warningMs: Math.round(row.warningSeconds * 1000),
    notes: row.notes,
    askId: row.ask,
    responseMs: Math.round(row.responseSeconds * 1000),
  }));
  const powerHolders = file.powerHolders.map((row) => ({ ...row }));
  const asks = file.asks.map((row) => ({
    id: row.id,
    title: row.title,
    wording: row.wording,
    targetIds: row.targets,
    commitment: row.commitment,
  }));

  const check = (section: string, values: string[], what: string) => {
    for (const value of duplicates(values)) problems.push(`${section}: ${what} "${value}" appears twice`);
  };
  check(
    'institutions',
    institutions.map((i) => i.id),
    'id',
  );
  check(
    'institutions',
    institutions.map((i) => i.name.toLowerCase()),
    'name',
  );
  check(
    'powerHolders',
    powerHolders.map((p) => p.id),
    'id',
  );
  check(
    'asks',
    asks.map((a) => a.id),
    'id',
  );
  check(
    'agenda',
    agenda.map((a) => a.id),
    'id',
  );

  const holderIds = new Set(powerHolders.map((p) => p.id));
  asks.forEach((ask, i) => {
    for (const target of duplicates(ask.targetIds))
      problems.push(`asks.${i}.targets: "${target}" appears twice`);
    for (const target of ask.targetIds) {
      if (!holderIds.has(target)) problems.push(`asks.${i}.targets: no power-holder with id "${target}"`);
    }
  });
  const askIds = new Set(asks.map((a) => a.id));
  agenda.forEach((item, i) => {
    if (item.askId !== null && !askIds.has(item.askId)) {
      problems.push(`agenda.${i}.ask: no ask with id "${item.askId}"`);
    }
  });
  const details = file.assembly ?? {};
  if (details.startsAt != null && details.endsAt != null && details.endsAt <= details.startsAt) {
    problems.push('assembly.endsAt: the planned finish must be after the planned start');
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, setup: { details, agenda, institutions, powerHolders, asks } };
}

/**
 * The assembly's setup as a setup file, every row with its id: what the organiser page's
 * editors start their draft from, and what an export or a duplicate is made of. The
 * inverse of normaliseSetup, so saving a draft nobody touched changes nothing.
 */
export function setupFileOf(state: {
  agenda: AgendaItem[];
  institutions: Institution[];
  powerHolders: PowerHolder[];
  asks: Ask[];
}): SetupFile {
  return {
    institutions: state.institutions.map((i) => ({ ...i })),
    powerHolders: state.powerHolders.map((p) => ({ ...p })),
    asks: state.asks.map((a) => ({
      id: a.id,
      title: a.title,
      wording: a.wording,
      targets: [...a.targetIds],
      commitment: { ...a.commitment },
    })),
    agenda: state.agenda.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      speaker: item.speaker,
      minutes: item.durationMs / 60_000,
      warningSeconds: item.warningMs / 1000,
      notes: item.notes,
      ask: item.askId,
      responseSeconds: item.responseMs / 1000,
    })),
  };
}
