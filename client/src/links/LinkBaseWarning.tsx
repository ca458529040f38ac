import { linkReach } from './linkReach';
import './linkBaseWarning.css';

const EXAMPLE = 'https://assembly.example.org';

/**
 * Before anything is printed or handed out: who can open links with this base. A local base
 * (localhost, a LAN address, a bare or `.local` name) is said plainly, with how to start the
 * server with a public one, since sheets printed weeks ahead cannot be changed on the night.
 */
export function LinkBaseWarning({
  base,
  subject,
  level = 2,
}: {
  base: string;
  /** What the warning is about, as the start of a sentence: "These links", "The links on these sheets". */
  subject: string;
  /** Its heading's level in the page around it. */
  level?: 2 | 3;
}) {
  const reach = linkReach(base);
  const Heading = level === 2 ? 'h2' : 'h3';
  if (reach === 'anywhere')
    return (
      <p className="link-base-ok" data-testid="link-base">
        {subject} open <code>{base}</code>.
      </p>
    );
  return (
    <section className="link-base-warning" role="note" aria-label="Link address" data-testid="link-base">
      <Heading>{headline(reach, subject)}</Heading>
      <p>{explanation(reach, base)}</p>
      <p>
        Before printing, start the server with <code>PUBLIC_URL</code> set to the address people will open on
        the night (https where you can), for example:
      </p>
      <pre>
        <code>PUBLIC_URL={EXAMPLE} npm start</code>
      </pre>
      <p className="small">
        On Windows (PowerShell): <code>$env:PUBLIC_URL="{EXAMPLE}"; npm start</code>. See docs/deploy.md for
        https at a venue with no internet.
      </p>
    </section>
  );
}

function headline(reach: 'thisNetwork' | 'thisComputer' | 'unreadable', subject: string): string {
  if (reach === 'thisComputer') return `${subject} open only on this computer`;
  if (reach === 'thisNetwork') return `${subject} open only on the network this server is on now`;
  return `${subject} have no usable address`;
}

function explanation(reach: 'thisNetwork' | 'thisComputer' | 'unreadable', base: string): string {
  if (reach === 'thisComputer')
    return `They start with ${base}: on anyone’s phone that address is the phone itself, so the QR codes open nothing.`;
  if (reach === 'thisNetwork')
    return `They start with ${base}, a local address. Phones on mobile data cannot reach it, and if the venue’s wifi is another network, or this laptop gets another address there, every printed QR code opens nothing. Print them like this only if phones at the venue will be on this same network with this server at this same address.`;
  return `They start with “${base}”, which is not a web address.`;
}
