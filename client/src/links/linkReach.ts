/**
 * Who can open a link with this base, judged from the base alone (no DNS): anyone on the
 * internet, only devices on the network this server is on now (a LAN or link-local address,
 * a `.local` name, a bare hostname), or only this computer (localhost). A sheet printed
 * weeks ahead with a local base opens nothing at the venue, whose network is another one.
 */
export type LinkReach = 'anywhere' | 'thisNetwork' | 'thisComputer' | 'unreadable';

const LOCAL_SUFFIXES = ['.local', '.lan', '.home', '.home.arpa', '.internal', '.localdomain', '.intranet'];

function ipv4Reach(octets: number[]): LinkReach {
  const [a = 0, b = 0] = octets;
  if (a === 127 || a === 0) return 'thisComputer';
  if (a === 10) return 'thisNetwork';
  if (a === 172 && b >= 16 && b <= 31) return 'thisNetwork';
  if (a === 192 && b === 168) return 'thisNetwork';
  if (a === 169 && b === 254) return 'thisNetwork';
  // Carrier-grade NAT (100.64.0.0/10): behind a mobile hotspot or a mesh VPN, never the internet.
  if (a === 100 && b >= 64 && b <= 127) return 'thisNetwork';
  return 'anywhere';
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv6Reach(address: string): LinkReach {
  // The URL parser has already written it in its shortest form, lower case.
  if (address === '::1' || address === '::') return 'thisComputer';
  const mapped = address.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (mapped) {
    const high = Number.parseInt(mapped[1]!, 16);
    const low = Number.parseInt(mapped[2]!, 16);
    return ipv4Reach([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = address.startsWith('::') ? 0 : Number.parseInt(address.split(':')[0]!, 16);
  if ((first & 0xffc0) === 0xfe80) return 'thisNetwork'; // link-local fe80::/10
  if ((first & 0xfe00) === 0xfc00) return 'thisNetwork'; // unique local fc00::/7
  return 'anywhere';
}

export function linkReach(base: string): LinkReach {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return 'unreadable';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'unreadable';
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Reach(host.slice(1, -1));
  const ipv4 = host.match(IPV4);
  if (ipv4) return ipv4Reach(ipv4.slice(1).map(Number));
  if (host === 'localhost' || host.endsWith('.localhost')) return 'thisComputer';
  if (!host.includes('.')) return 'thisNetwork';
  if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'thisNetwork';
  return 'anywhere';
}
