import { useState } from 'react';
import type { Role, StaffRole } from '../../../../shared/protocol/roles';
import { callApi } from '../../api';
import { CopyLink } from '../../components/CopyLink';
import { JoinQr } from '../../components/JoinQr';
import { useAssembly } from '../../connection/assemblyStore';
import { heldKey, rememberKey } from '../../connection/heldKeys';
import { LinkBaseWarning } from '../../links/LinkBaseWarning';
import { linkReach } from '../../links/linkReach';
import { OfflineNote } from './OfflineNote';

const ROLES: { role: Role; label: string; hint: string }[] = [
  { role: 'admin', label: 'Organiser', hint: 'Set up, links and exports. Keep private.' },
  { role: 'chair', label: 'Chair', hint: 'Drives the agenda, timers and screen. Keep private.' },
  { role: 'door', label: 'Door', hint: 'For stewards at the door. Keep private.' },
  { role: 'public', label: 'Screen', hint: 'Open on the projector.' },
  { role: 'public', label: 'Join', hint: 'For everyone: on the screen and posters as a QR.' },
];

const linkFor = (base: string, code: string, label: string, role: Role, key: string | undefined) => {
  if (label === 'Join') return `${base}/j/${code}`;
  if (label === 'Screen') return `${base}/a/${code}/screen`;
  return key ? `${base}/a/${code}/${role}#key=${key}` : null;
};

/**
 * Every role's link with a copy button and its QR. A staff link lost or in the wrong hands
 * is regenerated: the old one stops working at once and its open sessions are closed.
 */
export function LinksAdmin({ code, staffKey }: { code: string; staffKey: string }) {
  const base = useAssembly((s) => s.publicUrl);
  const [, setVersion] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [showQr, setShowQr] = useState<string | null>(null);

  const regenerate = async (role: StaffRole, label: string) => {
    const warning =
      role === 'admin'
        ? 'Make a new organiser link? This page moves to the new link; anyone on the old one is cut off.'
        : `Make a new ${label.toLowerCase()} link? The old one stops working now and anyone using it is disconnected.`;
    if (!confirm(warning)) return;
    const reply = await callApi<{ link: string }>(`/api/assemblies/${code}/keys/${role}`, {}, staffKey);
    if (!reply.ok) {
      setMessage({ ok: false, text: reply.message });
      return;
    }
    const key = new URL(reply.link).hash.replace('#key=', '');
    rememberKey(code, role, key);
    if (role === 'admin') {
      // This page's own key is now the old one: carry on with the new link.
      location.replace(`/a/${code}/admin#key=${key}`);
      return;
    }
    setMessage({ ok: true, text: `New ${label.toLowerCase()} link made. The old one no longer works.` });
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="links-h">
      <h2 id="links-h">Links</h2>
      {base && (
        <LinkBaseWarning level={3} base={base} subject="These links, and the printed sheets’ QR codes," />
      )}
      {/* Localhost is said above; the note adds what plain http or https means for a reload offline. */}
      {base && linkReach(base) !== 'thisComputer' && <OfflineNote base={base} code={code} />}
      {message && (
        <p className={message.ok ? 'success' : 'error'} role="status" data-testid="links-result">
          {message.text}
        </p>
      )}
      <ul className="setup-rows">
        {ROLES.map(({ role, label, hint }) => {
          const key = role === 'admin' ? staffKey : role === 'public' ? undefined : heldKey(code, role);
          const link = linkFor(base, code, label, role, key);
          return (
            <li key={label} className="role-link link-row" data-testid={`role-link-${label.toLowerCase()}`}>
              {link ? (
                <CopyLink label={label} url={link} testId={`link-${label.toLowerCase()}`} />
              ) : (
                <p>
                  <strong>{label}:</strong> this browser does not hold the {label.toLowerCase()} link (it is
                  shown once, when it is made). Make a new one to hand out.
                </p>
              )}
              <p className="muted small">{hint}</p>
              <div className="button-row">
                {link && (
                  <button
                    type="button"
                    aria-expanded={showQr === label}
                    onClick={() => setShowQr(showQr === label ? null : label)}
                  >
                    {showQr === label ? 'Hide' : 'Show'} the {label.toLowerCase()} QR
                  </button>
                )}
                {role !== 'public' && (
                  <button type="button" className="quiet" onClick={() => void regenerate(role, label)}>
                    Make a new {label.toLowerCase()} link
                  </button>
                )}
              </div>
              {link && showQr === label && <JoinQr url={link} className="link-qr" />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
