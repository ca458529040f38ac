import { z } from 'zod';
import { SCENES } from '../domain/assembly';
import { type Failure, failure } from './errors';
import { describeIssues, idField, requiredText } from './fields';
import { LIMITS } from './limits';
import type { Role } from './roles';
import { assemblyDetailsSchema, setupFileSchema } from './setup';

// Every command any client may send, one schema each. Commands are imperatives; the
// events they produce (events.ts) are facts in the past tense.

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
  command('updateDetails', { details: assemblyDetailsSchema }),
  command('importSetup', { setup: setupFileSchema }),
]);

export type Command = z.output<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];

export const COMMAND_TYPES = commandSchema.options.map((option) => option.shape.type.value) as CommandType[];

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
]);

/** Who may send what. The organiser may do everything the chair may. */
export function mayRun(role: Role, type: CommandType): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'chair':
      return CHAIR_COMMANDS.has(type);
    case 'door':
    case 'public':
      return false;
    default:
      return role satisfies never;
  }
}

export type ParsedCommand = { ok: true; command: Command } | Failure;

/** Parses untrusted input into a command, telling an unknown type from a malformed one. */
export function parseCommand(input: unknown): ParsedCommand {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failure('invalid_command', 'A command must be an object with a "type".');
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type)) {
    return failure('unknown_command', `There is no command "${String(type).slice(0, 40)}".`);
  }
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) return failure('invalid_command', `${type}: ${describeIssues(parsed.error)}`);
  return { ok: true, command: parsed.data };
}
