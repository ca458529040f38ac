import type { AssemblyState } from '../../../../shared/domain/assembly';
import { JoinQr, joinUrl, shortJoinUrl } from '../../components/JoinQr';

/** The chair's "join QR" scene: the QR as large as the stage allows, and the link to type. */
export function JoinScene({
  state,
  code,
  publicUrl,
}: {
  state: AssemblyState;
  code: string;
  publicUrl: string;
}) {
  return (
    <div className="scene scene-join" data-testid="scene-join">
      <JoinQr url={joinUrl(publicUrl, code)} className="qr-large" />
      <div className="join-text">
        <p className="kind">Check in on your phone</p>
        <h1>{state.title}</h1>
        <p className="join-url">
          <JoinLink publicUrl={publicUrl} code={code} />
        </p>
        <p className="join-code">
          Code <strong>{code}</strong>
        </p>
      </div>
    </div>
  );
}

/** The join link to read off the screen, breaking (if it must) before the code, not inside it. */
export function JoinLink({ publicUrl, code }: { publicUrl: string; code: string }) {
  const link = shortJoinUrl(publicUrl, code);
  const at = link.lastIndexOf('/') + 1;
  return (
    <>
      {link.slice(0, at)}
      <wbr />
      {link.slice(at)}
    </>
  );
}

/** The small QR in a corner of the agenda scene, while the assembly still invites check-in. */
export function JoinCorner({ code, publicUrl }: { code: string; publicUrl: string }) {
  return (
    <div className="join-corner" data-testid="join-corner">
      <JoinQr url={joinUrl(publicUrl, code)} />
      <p>
        Check in at
        <br />
        <strong>
          <JoinLink publicUrl={publicUrl} code={code} />
        </strong>
      </p>
    </div>
  );
}
