import { describe, expect, it } from 'vitest';
import { check, type Draft } from '../../client/src/screens/admin/setup/setupDraft';

const item = (title: string, minutes: number) => ({
  id: `item-${title || 'blank'}`,
  kind: 'custom' as const,
  title,
  speaker: '',
  minutes,
  warningSeconds: 30,
  notes: '',
  ask: null,
  responseSeconds: 60,
});
const draft = (change: Partial<Draft> = {}): Draft => ({
  institutions: [],
  powerHolders: [],
  asks: [],
  agenda: [],
  ...change,
});

describe('the organiser page checks its draft with the shared rules', () => {
  it('a good draft has no errors', () => {
    expect(check(draft({ agenda: [item('Welcome', 5)] }))).toEqual({ errors: {}, problems: [] });
  });

  it('puts each schema problem beside its field, in words', () => {
    const { errors } = check(
      draft({
        agenda: [item('', 5), item('Story', Number.NaN), item('Long', 900)],
        institutions: [{ id: 'i1', name: 'School', section: '', committed: -1 }],
      }),
    );
    expect(errors).toEqual({
      'agenda.0.title': 'Title must not be empty',
      'agenda.1.minutes': 'Minutes must be a number',
      'agenda.2.minutes': 'Minutes must be at most 600',
      'institutions.0.committed': 'Committed turnout must be at least 0',
    });
  });

  it('names the row for problems no single field owns', () => {
    const { problems } = check(
      draft({
        institutions: [
          { id: 'i1', name: 'School', section: '', committed: 0 },
          { id: 'i2', name: 'school', section: '', committed: 0 },
        ],
      }),
    );
    expect(problems).toEqual(['Institutions: name "school" appears twice']);
  });
});
