import type { AgendaItem, AssemblyState } from '../../../../shared/domain/assembly';
import { currentIndex, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { fitted } from '../../components/fitted';
import { TimerClock } from '../../components/TimerClock';
import { JoinCorner } from './JoinScene';
import { speakerType, titleType } from './stageFit';

/**
 * The item on now: its kind, its title whole (smaller as it grows longer), the speaker, the
 * timer and the join QR. A message at the stage's foot makes each a fixed step smaller, so
 * nothing is cut and nothing overlaps, whatever its length up to the limit.
 */
export function ItemScene(props: {
  state: AssemblyState;
  item: AgendaItem;
  code: string;
  publicUrl: string;
}) {
  const { state, item, code, publicUrl } = props;
  const withBanner = state.live.message !== null;
  const next = state.agenda[currentIndex(state) + 1];
  return (
    <div className="scene scene-agenda" data-testid="scene-agenda">
      <p className="kind" data-testid="item-kind">
        {ITEM_KIND_LABELS[item.kind]}
      </p>
      <h1
        className="title fitted"
        data-testid="item-title"
        style={fitted((width) => titleType(item.title, withBanner, width))}
      >
        {item.title}
      </h1>
      {item.speaker && (
        <p
          className="speaker fitted"
          data-testid="item-speaker"
          style={fitted((width) => speakerType(item.speaker, withBanner, width))}
        >
          {item.speaker}
        </p>
      )}
      {item.durationMs > 0 && (
        <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-huge" />
      )}
      {next && !withBanner && (
        <p className="up-next">
          Next: <span>{next.title}</span>
        </p>
      )}
      <JoinCorner code={code} publicUrl={publicUrl} />
    </div>
  );
}
