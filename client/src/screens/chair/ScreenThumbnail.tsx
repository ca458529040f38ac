import { useLayoutEffect, useRef } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { Stage } from '../screen/Stage';

/** The stage's data attributes its stylesheets select on; the rest (test ids, holders, tones) go. */
const STYLED_BY = new Set(['data-count', 'data-length']);

/**
 * A picture of the projector drawn from the chair's own state: the same Stage in a 16:9
 * box. Assistive tech reads its label, not the scene a second time; and it carries none of
 * the projector's test ids or data hooks, so the console's own timer and cards stay the only ones.
 */
export function ScreenThumbnail(props: {
  state: AssemblyState;
  code: string;
  publicUrl: string;
  label: string;
  testId: string;
}) {
  const stage = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = stage.current;
    if (!root) return;
    const strip = () => {
      for (const el of root.querySelectorAll('*')) {
        for (const name of el.getAttributeNames()) {
          if (name.startsWith('data-') && !STYLED_BY.has(name)) el.removeAttribute(name);
        }
      }
    };
    strip();
    const observer = new MutationObserver(strip);
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div
      className="screen-thumbnail"
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      data-scene={props.state.live.scene}
    >
      <div ref={stage} className="screen-thumbnail-stage" aria-hidden="true" inert>
        <Stage state={props.state} code={props.code} publicUrl={props.publicUrl} showConnection={false} />
      </div>
    </div>
  );
}
