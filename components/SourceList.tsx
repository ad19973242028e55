import type { Source } from '../glossary/schema';
import { citableSources, sourceHref, sourceLabel } from '../glossary/source-links';

/**
 * An entry's sources as links the reader may follow (new tab, no referrer); text only when a
 * source has no public address. Begrip itself makes no request.
 */
export function SourceList({
  sources,
  class: className,
  max,
}: {
  sources: readonly Source[];
  class: string;
  max?: number;
}) {
  const shown = citableSources(sources, max);
  if (shown.length === 0) return null;
  return (
    <p class={className}>
      {shown.map((source, i) => {
        const href = sourceHref(source);
        const label = sourceLabel(source);
        return (
          <span key={label}>
            {i > 0 && ' · '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              label
            )}
          </span>
        );
      })}
    </p>
  );
}
