// A ticket's QR holds the link to its page, /t/CODE.SECRET: a phone camera opens the
// ticket, the door's scanner checks its holder in. The code in front says which assembly.

const TICKET = /^([A-Z0-9]{4,12})\.([A-Za-z0-9_-]{16,64})$/;

export const ticketToken = (code: string, secret: string): string => `${code}.${secret}`;

/** The token in whatever a scanner read: the ticket's full URL, or the bare token. */
export function ticketFromScan(scanned: string): string | null {
  const text = scanned.trim();
  const fromUrl = text.match(/\/t\/([^/?#\s]+)\/?(?:[?#].*)?$/);
  const token = fromUrl ? decoded(fromUrl[1]!) : text;
  return token !== null && TICKET.test(token) ? token : null;
}

/** A malformed %-escape (a misread or forged code) is no ticket, not an error. */
function decoded(component: string): string | null {
  try {
    return decodeURIComponent(component);
  } catch {
    return null;
  }
}

export function ticketAssembly(token: string): string | null {
  return token.match(TICKET)?.[1] ?? null;
}

export const ticketPath = (token: string): string => `/t/${token}`;
