import { ConnectionBadge } from './ConnectionBadge';

/** Before the first state arrives: says what is happening, never a blank page. */
export function Connecting({ code }: { code: string }) {
  return (
    <main className="page narrow">
      <p>Connecting to assembly {code}…</p>
      <ConnectionBadge />
    </main>
  );
}
