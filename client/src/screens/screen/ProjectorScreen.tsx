import { Refused } from '../../components/Refused';
import { RehearsalMark } from '../../components/RehearsalMark';
import { useWakeLock } from '../../components/useWakeLock';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { ScreenPresence } from '../../readiness/ScreenPresence';
import { Stage } from './Stage';

/** The projector: a 16:9 stage whose type scales with the window, readable from the back. */
export default function ProjectorScreen({ code }: { code: string }) {
  useAssemblyConnection(code, undefined, true);
  useWakeLock();
  const speakerView = new URLSearchParams(location.search).get('view') === 'timer';
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const publicUrl = useAssembly((s) => s.publicUrl);
  const rehearsing = useAssembly((s) => s.state?.rehearsal != null);

  return (
    <main className={`projector ${rehearsing ? 'rehearsing' : ''}`} data-testid="projector">
      <RehearsalMark screen />
      <Stage
        state={state}
        code={code}
        publicUrl={publicUrl}
        speakerView={speakerView}
        refusal={refusal ? <Refused landmark={false} /> : undefined}
      />
      <ScreenPresence speakerView={speakerView} />
    </main>
  );
}
