import { create } from 'zustand';
import type { AssemblyState } from '../../../../../shared/domain/assembly';
import {
  normaliseSetup,
  type SetupFile,
  setupFileOf,
  setupFileSchema,
} from '../../../../../shared/protocol/setup';
import { sendLargeCommand } from '../../../connection/assemblyConnection';
import { useAssembly } from '../../../connection/assemblyStore';
import { newUuid } from '../../../connection/deviceId';

// The organiser edits a draft of the whole setup and saves it in one editSetup command,
// checked by the same schema and rules as a setup file. The draft stays in the browser
// until the server accepts it: a refused save loses nothing typed.

export type Draft = SetupFile;
export type Section = 'agenda' | 'institutions' | 'powerHolders' | 'asks';
export type Row<S extends Section> = Draft[S][number];

interface DraftState {
  draft: Draft | null;
  /** The setup revision the draft was made from: the server refuses a save over a newer one. */
  revision: number;
  dirty: boolean;
  saving: boolean;
  /** Problems by field path ("agenda.2.title"), shown beside the field. */
  errors: Record<string, string>;
  /** Problems no single field owns (a duplicate name), and the server's refusal. */
  problems: string[];
  saved: boolean;
}

export const useSetupDraft = create<DraftState>(() => ({
  draft: null,
  revision: -1,
  dirty: false,
  saving: false,
  errors: {},
  problems: [],
  saved: false,
}));

/** Loads the draft from the assembly, unless the organiser has unsaved changes. */
export function followAssembly(state: AssemblyState): void {
  const current = useSetupDraft.getState();
  if (current.dirty || current.revision === state.setupRevision) return;
  loadFrom(state);
}

export function loadFrom(state: AssemblyState): void {
  useSetupDraft.setState({
    draft: setupFileOf(state),
    revision: state.setupRevision,
    dirty: false,
    errors: {},
    problems: [],
  });
}

/** Ids are made here, once, so check-ins and answers keep pointing at the same row. */
export const newId = (prefix: string): string => `${prefix}-${newUuid().slice(0, 8)}`;

export function editDraft(change: (draft: Draft) => Draft): void {
  const { draft, errors } = useSetupDraft.getState();
  if (!draft) return;
  const next = change(draft);
  // Re-check as the organiser types, but only once a save has shown errors: no red on a fresh form.
  const checked = Object.keys(errors).length > 0 ? check(next) : { errors: {}, problems: [] };
  useSetupDraft.setState({ draft: next, dirty: true, saved: false, ...checked });
}

export function updateRow<S extends Section>(section: S, index: number, patch: Partial<Row<S>>): void {
  editDraft((draft) => ({
    ...draft,
    [section]: (draft[section] as Row<S>[]).map((row, i) => (i === index ? { ...row, ...patch } : row)),
  }));
}

export function removeRow(section: Section, index: number): void {
  editDraft((draft) => ({
    ...draft,
    [section]: (draft[section] as unknown[]).filter((_, i) => i !== index),
  }));
}

export function moveRow(section: Section, from: number, to: number): void {
  editDraft((draft) => {
    const rows = [...draft[section]] as unknown[];
    if (to < 0 || to >= rows.length || from === to) return draft;
    const [moved] = rows.splice(from, 1);
    rows.splice(to, 0, moved);
    return { ...draft, [section]: rows };
  });
}

const PATH_WORDS: Record<string, string> = {
  title: 'Title',
  name: 'Name',
  wording: 'Wording',
  minutes: 'Minutes',
  warningSeconds: 'Warning',
  responseSeconds: 'Response clock',
  committed: 'Committed turnout',
};

/** zod's "Too big: expected number to be <=600" as "must be at most 600". */
function inWords(message: string): string {
  if (message.startsWith('Invalid input: expected number')) return 'must be a number';
  const bound = message.match(/^Too (?:big|small): expected number to be (<=|>=|<|>)(-?[\d.]+)$/);
  if (!bound) return message;
  const words = { '<=': 'at most', '>=': 'at least', '<': 'under', '>': 'over' } as const;
  return `must be ${words[bound[1] as keyof typeof words]} ${bound[2]}`;
}

/** The shared schema and setup rules, field by field. */
export function check(draft: Draft): Pick<DraftState, 'errors' | 'problems'> {
  const parsed = setupFileSchema.safeParse(draft);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const last = String(issue.path.at(-1) ?? '');
      errors[path] ??= `${PATH_WORDS[last] ?? 'This'} ${inWords(issue.message)}`;
    }
    return { errors, problems: [] };
  }
  const result = normaliseSetup(parsed.data);
  return { errors: {}, problems: result.ok ? [] : result.problems.map(readableProblem) };
}

const SECTION_WORDS: Record<string, string> = {
  institutions: 'Institutions',
  powerHolders: 'Power-holders',
  asks: 'Asks',
  agenda: 'Agenda',
};

/** "institutions: name "x" appears twice" in the organiser's words. */
const readableProblem = (problem: string) =>
  problem.replace(/^(\w+)(\.\d+)?(\.\w+)?:/, (_, section: string, index?: string) => {
    const row = index ? ` row ${Number(index.slice(1)) + 1}` : '';
    return `${SECTION_WORDS[section] ?? section}${row}:`;
  });

/** Saves the draft; on refusal the draft stays as typed and the reason is shown. */
export async function saveDraft(): Promise<boolean> {
  const { draft, revision, saving } = useSetupDraft.getState();
  if (!draft || saving) return false;
  const checked = check(draft);
  if (Object.keys(checked.errors).length > 0 || checked.problems.length > 0) {
    useSetupDraft.setState({ ...checked, saved: false });
    return false;
  }
  useSetupDraft.setState({ saving: true, errors: {}, problems: [] });
  const reply = await sendLargeCommand({ type: 'editSetup', setup: draft, revision });
  if (reply.ok) {
    // The next revision is ours. Anything typed while saving stays a draft on top of it.
    // The answer came over HTTP and may beat the saved setup's event on the socket: until that
    // arrives the draft keeps the old revision, so followAssembly loads the saved setup then.
    const typedSince = useSetupDraft.getState().draft !== draft;
    const state = useAssembly.getState().state;
    const arrived = state !== null && state.setupRevision > revision;
    useSetupDraft.setState({
      saving: false,
      dirty: typedSince,
      saved: !typedSince,
      revision: typedSince || arrived ? revision + 1 : revision,
    });
    if (!typedSince && arrived) loadFrom(state);
    return true;
  }
  useSetupDraft.setState({ saving: false, saved: false, problems: [reply.message] });
  return false;
}
