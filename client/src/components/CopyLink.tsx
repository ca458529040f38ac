import { useState } from 'react';

/** A link with a copy button: handing out role links is most of an organiser's evening. */
export function CopyLink({ label, url, testId }: { label: string; url: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1_500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copy-link">
      <span className="copy-label">{label}</span>
      <a href={url} data-testid={testId} target="_blank" rel="noreferrer">
        {url}
      </a>
      <button type="button" onClick={copy} aria-label={`Copy the ${label} link`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
