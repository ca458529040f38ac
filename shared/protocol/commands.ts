import { z } from 'zod';
import { SCENES, SPEAKER_CUES } from '../domain/assembly';
import { MAX_CARD_NUMBER, MAX_CARD_OPTIONS } from '../domain/cards';
import { RATED_PARTS, type RatedPart } from '../domain/evaluation/coreTeamEvaluation';
import { ANSWERS, FOLLOW_UP_STATUSES } from '../domain/responses';
import { ROLL_CALL_ORDERS } from '../domain/turnout';
import { type Failure, failure } from './errors';
import { checkInId, describeIssues, idField, moment, multilineText, requiredText, text } from './fields';
import { LIMITS } from './limits';
import { cutText, isWellFormed } from './peoplesText';
import type { Role } from './roles';
import { assemblyDetailsSchema, setupFileSchema } from './setup';

// Every command any client may send, one schema each. Commands are imperatives; the
// events they produce (events.ts) are facts in the past tense.

const stewardsAnswer = {
  sameAs: checkInId.optional(),
  newPerson: z.boolean().optional(),
};
const ticketField = z.string().trim().min(1).max(300);
/** 1 (poor) to 5 (excellent), or null: not rated. */
const rating = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])
  .nullable()
  .default(null);

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

export const commandSchema = z.discriminatedUnion('type', [
  command('goToItem', { itemId: idField }),
  // fromItemId: the item the chair was looking at, so a double press or a retried
  // send moves one step, not two.
  command('nextItem', { fromItemId: idField.nullable() }),
  command('previousItem', { fromItemId: idField.nullable() }),
  command('startTimer', {}),
  command('pauseTimer', {}),
  command('resetTimer', {}),
  command('adjustTimer', {
    deltaMs: z
      .number()
      .int()
      .min(-3_600_000)
      .max(3_600_000)
      .refine((n) => n !== 0, 'must not be zero'),
  }),
  command('setScene', { scene: z.enum(SCENES) }),
  command('showMessage', { text: requiredText(LIMITS.message) }),
  command('clearMessage', {}),
  command('undo', {}),
  command('closeAssembly', {}),
  command('reopenAssembly', {}),
  // A rehearsal the day before: its end puts back everything the night records.
  command('startRehearsal', {}),
  command('endRehearsal', {}),
  command('updateDetails', { details: assemblyDetailsSchema }),
  command('importSetup', { setup: setupFileSchema }),
  // The organiser page's editors: the whole setup, and the revision their draft was made from.
  command('editSetup', { setup: setupFileSchema, revision: z.number().int().min(0) }),
  // Turnout. checkInId is made on the device, so a retried or queued check-in counts once.
  // sameAs / newPerson: a steward's answer to "same person?" (a likely match, samePerson.ts).
  command('checkIn', {
    checkInId,
    name: requiredText(LIMITS.personName),
    /** null: a guest or an organisation that is not a member institution. */
    institutionId: idField.nullable(),
    guestOf: text(LIMITS.personName).default(''),
    contact: text(LIMITS.contact).default(''),
    consent: z.boolean().default(false),
    device: text(LIMITS.deviceLabel).default(''),
    ...stewardsAnswer,
  }),
  command('checkInRegistrant', {
    checkInId,
    registrantId: idField,
    device: text(LIMITS.deviceLabel).default(''),
    ...stewardsAnswer,
  }),
  command('scanTicket', {
    checkInId,
    ticket: ticketField,
    device: text(LIMITS.deviceLabel).default(''),
    ...stewardsAnswer,
  }),
  // "I'm here" on a registrant's own ticket page: the ticket's secret is the proof.
  command('checkInOwnTicket', { checkInId, ticket: ticketField }),
  command('undoCheckIn', { checkInId }),
  // The organiser's "same person": the duplicate stops counting, the journal keeps both.
  command('mergeCheckIns', { keptId: checkInId, duplicateId: checkInId }),
  // A flood of fake phone check-ins: close phone check-in and undo those made since then.
  command('undoPhoneCheckIns', { since: moment }),
  // Absolute, per clicking device: a retried or queued tally cannot count twice.
  command('setHeadcount', {
    section: text(LIMITS.sectionName),
    deviceId: checkInId,
    count: z.number().int().min(0).max(LIMITS.headcount),
  }),
  command('markCalled', { institutionId: idField, called: z.boolean() }),
  command('sortRollCall', { order: z.enum(ROLL_CALL_ORDERS) }),
  // The institution being called now (null: none), highlighted on the projector.
  command('callNow', { institutionId: idField.nullable() }),
  // A cue to the speaker's monitor only (null clears it).
  command('cueSpeaker', { cue: z.enum(SPEAKER_CUES).nullable() }),
  command('setPhoneCheckIn', { open: z.boolean() }),
  // Asks and answers.
  command('recordResponse', {
    askId: idField,
    powerHolderId: idField,
    answer: z.enum(ANSWERS),
    note: text(LIMITS.responseNote).default(''),
  }),
  command('startResponseTimer', { askId: idField, powerHolderId: idField }),
  command('stopResponseTimer', {}),
  command('addFollowUp', {
    askId: idField,
    powerHolderId: idField,
    status: z.enum(FOLLOW_UP_STATUSES),
    note: multilineText(LIMITS.followUpNote).default(''),
    link: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(LIMITS.link)]).default(''),
    date: moment,
  }),
  command('removeFollowUp', { followUpId: idField }),
  command('addRegistrants', {
    registrants: z
      .array(
        z
          .object({
            name: requiredText(LIMITS.personName),
            institutionId: idField.nullable(),
            email: text(LIMITS.contact).default(''),
          })
          .strict(),
      )
      .min(1)
      .max(LIMITS.registrants),
  }),
  // Corrections one at a time: the ticket stays the same, so a printed one still works.
  command('updateRegistrant', {
    registrantId: idField,
    name: requiredText(LIMITS.personName),
    institutionId: idField.nullable(),
    email: text(LIMITS.contact).default(''),
  }),
  command('removeRegistrant', { registrantId: idField }),
  // Commitment cards: the organiser's options, the chair's moment, the attendee's card.
  command('setCardOptions', {
    options: z
      .array(
        z
          .object({
            id: idField.optional(),
            text: requiredText(LIMITS.cardOption),
            date: moment.nullable().default(null),
            owner: text(LIMITS.personName).default(''),
            asksNumber: z.boolean().default(false),
          })
          .strict(),
      )
      .max(MAX_CARD_OPTIONS),
  }),
  command('openCards', { open: z.boolean() }),
  // cardId is made on the device, so a retried or queued card counts once; checkInId is the
  // phone's own check-in, so a correction replaces that attendee's card.
  command('submitCard', {
    cardId: checkInId,
    checkInId: checkInId.nullable().default(null),
    name: text(LIMITS.personName).default(''),
    institutionId: idField.nullable().default(null),
    contact: text(LIMITS.contact).default(''),
    consent: z.boolean().default(false),
    choices: z
      .array(
        z
          .object({ optionId: idField, number: z.number().int().min(1).max(MAX_CARD_NUMBER).default(1) })
          .strict(),
      )
      .min(1, 'tick at least one')
      .max(MAX_CARD_OPTIONS),
  }),
  command('withdrawCard', { cardId: checkInId }),
  // The core team's evaluation after the night (the organiser's page); evaluationId makes a retry count once.
  command('submitEvaluation', {
    evaluationId: checkInId,
    name: requiredText(LIMITS.personName),
    worked: multilineText(LIMITS.evaluationText).default(''),
    change: multilineText(LIMITS.evaluationText).default(''),
    ratings: z
      .object(
        Object.fromEntries(RATED_PARTS.map((part) => [part, rating])) as Record<RatedPart, typeof rating>,
      )
      .strict(),
  }),
]);

export type Command = z.output<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];

export const COMMAND_TYPES = commandSchema.options.map((option) => option.shape.type.value) as CommandType[];

const DOOR_COMMANDS = new Set<CommandType>([
  'checkIn',
  'checkInRegistrant',
  'scanTicket',
  'undoCheckIn',
  'setHeadcount',
  // The door sees a flood of fake phone check-ins first: it may close phone check-in too.
  'setPhoneCheckIn',
  // Paper commitment cards, for people without a phone.
  'submitCard',
  'withdrawCard',
]);

const CHAIR_COMMANDS = new Set<CommandType>([
  'goToItem',
  'nextItem',
  'previousItem',
  'startTimer',
  'pauseTimer',
  'resetTimer',
  'adjustTimer',
  'setScene',
  'showMessage',
  'clearMessage',
  'undo',
  'closeAssembly',
  'reopenAssembly',
  'startRehearsal',
  'endRehearsal',
  'markCalled',
  'sortRollCall',
  'callNow',
  'cueSpeaker',
  'setPhoneCheckIn',
  'undoPhoneCheckIns',
  'recordResponse',
  'startResponseTimer',
  'stopResponseTimer',
  'openCards',
]);

/** Who may send what. The organiser may do everything the chair may. */
export function mayRun(role: Role, type: CommandType): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'chair':
      return CHAIR_COMMANDS.has(type);
    case 'door':
      return DOOR_COMMANDS.has(type);
    case 'public':
      return type === 'checkIn' || type === 'checkInOwnTicket' || type === 'submitCard';
    default:
      return role satisfies never;
  }
}

export type ParsedCommand = { ok: true; command: Command } | Failure;

/** The first string in a parsed value that holds half a character, or null. */
function illFormedText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = illFormedText(inner, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** What was sent as a command's type, said safely whatever it is (never its own toString). */
const typeSent = (type: unknown): string =>
  typeof type === 'string'
    ? `"${cutText(type, 40)}"`
    : `of type ${Array.isArray(type) ? 'array' : typeof type}`;

/** Parses untrusted input into a command, telling an unknown type from a malformed one. */
export function parseCommand(input: unknown): ParsedCommand {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failure('invalid_command', 'A command must be an object with a "type".');
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type)) {
    return failure('unknown_command', `There is no command ${typeSent(type)}.`);
  }
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) return failure('invalid_command', `${type}: ${describeIssues(parsed.error)}`);
  // Text fields repair half characters; anything else holding one (a ticket, a link) is refused.
  const illFormed = illFormedText(parsed.data, '');
  if (illFormed !== null)
    return failure('invalid_command', `${type}: ${illFormed}: holds half a character (not valid Unicode)`);
  return { ok: true, command: parsed.data };
}
