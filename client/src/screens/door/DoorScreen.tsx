import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';

/** The door steward's page. Check-in and headcounts come with the turnout feature. */
export default function DoorScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  if (refusal) return <Refused />;
  return (
    <main className="page narrow">
      <ConnectionBadge />
      <h1>Door · {state?.title ?? code}</h1>
      <p>
        This door link works. Check-in at the door is not in this version yet: until it is, count people in on
        paper.
      </p>
    </main>
  );
}
