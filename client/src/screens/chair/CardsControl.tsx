import type { AssemblyState } from '../../../../shared/domain/assembly';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { formatCount } from '../../format';

/**
 * The chair's moment for commitment cards (usually the close): phones show the card while
 * it is open; the projector's "Cards tally" scene shows the count coming in.
 */
export function CardsControl({
  state,
  run,
}: {
  state: AssemblyState;
  run: (command: CommandInput) => Promise<boolean>;
}) {
  const { open, options, tally } = state.cards;
  if (options.length === 0) return null;
  const most = Math.max(0, ...Object.values(tally.people));
  const onTally = state.live.scene === 'cards';
  return (
    <section className="cards-control" aria-labelledby="cards-control-h" data-testid="cards-control">
      <h3 id="cards-control-h">Commitment cards</h3>
      <p className="muted small">
        {open ? 'Open on phones now.' : 'Closed: phones do not show the card.'}{' '}
        {most > 0 && `The most ticked: ${formatCount(most)}.`}
      </p>
      <div className="button-row">
        <button
          type="button"
          className={open ? '' : 'primary'}
          onClick={() => run({ type: 'openCards', open: !open })}
        >
          {open ? 'Close the cards' : 'Open the cards on phones'}
        </button>
        <button type="button" onClick={() => run({ type: 'setScene', scene: onTally ? 'agenda' : 'cards' })}>
          {onTally ? 'Screen: back to the agenda' : 'Show the tally on the screen'}
        </button>
      </div>
    </section>
  );
}
