// Bounds on what people can type, shared by forms and schemas (no zod here: clients import it).
export const LIMITS = {
  agendaItems: 200,
  institutions: 2000,
  powerHolders: 100,
  asks: 100,
  title: 200,
  wording: 2000,
  notes: 2000,
  message: 280,
  personName: 120,
  contact: 200,
  deviceLabel: 40,
  sectionName: 60,
  checkIns: 50_000,
  /** Self check-ins have their own cap, so a flood from phones can never lock out the door. */
  phoneCheckIns: 20_000,
  registrants: 20_000,
  headcount: 100_000,
  responseNote: 500,
  followUpNote: 2000,
  followUps: 5000,
  link: 500,
  /** Commitment cards, one per attendee (and paper cards): as many as check-ins. */
  cards: 50_000,
  cardOption: 200,
  /** The core team's evaluation: each free text, and how many people's answers are kept. */
  evaluationText: 2000,
  evaluations: 200,
} as const;
