import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The join link as a QR, drawn on the device (no server round trip, no CDN). */
export function JoinQr({ url, className = '' }: { url: string; className?: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(url, {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
      color: { dark: '#000', light: '#fff' },
    })
      .then((markup) => !cancelled && setSvg(markup))
      .catch(() => !cancelled && setSvg(''));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <div
      className={`join-qr ${className}`}
      role="img"
      aria-label={`QR code for ${url}`}
      data-testid="join-qr"
      // The markup is generated locally by the qrcode library from our own URL.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted SVG from qrcode
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

// The join links live in links/joinLinks.ts, kept free of the QR library for tests and the server.
export { joinUrl, shortJoinUrl } from '../links/joinLinks';
