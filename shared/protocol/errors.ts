import type { AlreadyIn, LikelyMatch } from '../domain/samePerson';

export const ERROR_CODES = {
  invalid_command: 'The command is not valid.',
  unknown_command: 'There is no such command.',
  invalid_body: 'The request is not valid.',
  bad_json: 'The request body is not valid JSON.',
  payload_too_large: 'The request is too large.',
  unknown_assembly: 'There is no assembly with that code.',
  admin_token_required: 'Creating an assembly on this server needs the admin token.',
  bad_admin_token: 'That admin token is not right. Ask whoever runs this server.',
  bad_key: 'This link is not valid for this assembly. Ask the organiser for a new link.',
  key_replaced: 'The organiser made a new link for this screen; ask them for it.',
  key_required: 'This needs a staff link.',
  forbidden: 'Your role cannot do that.',
  rate_limited: 'Too many wrong keys. Wait a minute and try again.',
  phone_limit_reached: 'This phone has checked in enough people. Please check in with a steward at the door.',
  protocol_mismatch: 'This page is out of date. Reload it.',
  not_found: 'Not found.',
  unknown_item: 'There is no such agenda item.',
  no_current_item: 'No agenda item is running.',
  no_agenda: 'The agenda is empty.',
  end_of_agenda: 'There is no item that way.',
  nothing_to_undo: 'There is nothing to undo.',
  assembly_closed: 'The assembly is closed.',
  rehearsal_refused: 'A rehearsal cannot start now.',
  cards_closed: 'Commitment cards are not open just now.',
  unknown_card_option: 'There is no such commitment on the card.',
  unknown_card: 'There is no such commitment card.',
  invalid_setup: 'The setup file is not valid.',
  setup_changed:
    'Someone else saved the setup since you started editing. Your changes are still here: reload theirs and apply yours again.',
  assembly_live: 'That change would confuse the assembly while it is live.',
  unknown_institution: 'There is no such institution in this assembly.',
  unknown_registrant: 'There is no such registrant.',
  unknown_ticket: 'Unknown ticket: it is not one of this assembly’s tickets.',
  ticket_withdrawn: 'This ticket was withdrawn: the organisers removed its registration.',
  already_registered: 'Someone with that name, institution and email is already registered.',
  registrant_checked_in: 'That registrant is checked in: undo the check-in at the door first.',
  already_checked_in: 'Already checked in.',
  possible_duplicate: 'This may be someone already checked in: is it the same person?',
  not_same_person: 'Those two check-ins cannot be one person.',
  unknown_section: 'There is no such seating section in this assembly.',
  unknown_check_in: 'There is no such check-in.',
  phone_check_in_closed: 'Check-in on phones is closed. Please check in with a steward at the door.',
  turnout_full: 'This assembly has reached the most check-ins one server will hold.',
  unknown_ask: 'There is no such ask.',
  unknown_power_holder: 'There is no such power-holder in this assembly.',
  not_asked: 'That ask was not put to that power-holder.',
  unavailable: 'The server is not ready. Try again in a moment.',
  internal: 'Something went wrong on the server. Nothing was changed.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** When the thing refused already happened (an already-used ticket): the client shows it in local time. */
  at?: number;
  /** already_checked_in: how they came in (staff only). */
  already?: AlreadyIn;
  /** possible_duplicate: who they may be, for the steward to decide (staff only). */
  match?: LikelyMatch;
}

export const failure = (code: ErrorCode, message: string = ERROR_CODES[code]): Failure => ({
  ok: false,
  code,
  message,
});

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
