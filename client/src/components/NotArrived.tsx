import type { AssemblyState } from '../../../shared/domain/assembly';
import { notArrived } from '../../../shared/domain/samePerson';
import { formatCount } from '../format';

/**
 * Per institution, who registered and has not come in yet, however the others came in
 * (phone, ticket, search, walk-in): the list a leader works from to chase their people.
 */
export function NotArrived({ state, headingLevel = 2 }: { state: AssemblyState; headingLevel?: 2 | 3 }) {
  const { registrants } = state.attendance;
  if (registrants.length === 0) return null;
  const waiting = notArrived(state.attendance);
  const total = [...waiting.values()].reduce((n, list) => n + list.length, 0);
  const groups = [
    ...state.institutions.map((i) => ({ id: i.id as string | null, name: i.name })),
    { id: null, name: 'Guests' },
  ].filter((g) => waiting.has(g.id));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="door-card not-arrived" aria-labelledby="not-arrived-h" data-testid="not-arrived">
      <Heading id="not-arrived-h">Registered, not in yet</Heading>
      <p>
        {total === 0
          ? `All ${formatCount(registrants.length)} registrants are in.`
          : `${formatCount(total)} of ${formatCount(registrants.length)} registrants not in yet.`}
      </p>
      {groups.map((group) => {
        const people = waiting.get(group.id) ?? [];
        return (
          <details key={group.id ?? '~guests'}>
            <summary>
              {group.name}: <strong>{formatCount(people.length)}</strong> not in
            </summary>
            <ul className="not-arrived-names">
              {people
                .map((r) => r.name)
                .sort((a, b) => a.localeCompare(b))
                .map((name, i) => (
                  // Two registrants may share a name.
                  // biome-ignore lint/suspicious/noArrayIndexKey: names are not unique, order is stable
                  <li key={`${name}-${i}`}>{name}</li>
                ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
