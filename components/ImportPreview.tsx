import type { Entry, ImportNote } from '../glossary/schema';

export interface ImportPreviewProps {
  fileName: string;
  added: readonly Entry[];
  replaced: readonly { before: Entry; after: Entry }[];
  /** Defaults the import applied (a short CSV's ids, kinds, category), said before saving. */
  notes?: readonly ImportNote[];
  label: (key: string, substitutions?: string | string[]) => string;
  categoryLabel: (category: string) => string;
  onConfirm: () => void;
  onCancel: () => void;
}

const name = (entry: Entry) => entry.acronym ?? entry.nl.term;

/**
 * What an import will do, before anything is stored: the entries it adds and the own entries it
 * replaces, each with its old and new definition (audit F13: an import silently replaced them),
 * and the defaults it filled in for what the file did not say (a short CSV).
 */
export function ImportPreview({
  fileName,
  added,
  replaced,
  notes = [],
  label,
  categoryLabel,
  onConfirm,
  onCancel,
}: ImportPreviewProps) {
  const noteText = (note: ImportNote) =>
    label(`importNote_${note.code}`, note.code === 'category' ? note.values.map(categoryLabel) : note.values);
  return (
    <section class="import-preview" aria-label={label('importPreviewTitle', fileName)}>
      <h3>{label('importPreviewTitle', fileName)}</h3>
      <p>{label('importPreviewSummary', [String(added.length), String(replaced.length)])}</p>
      {notes.length > 0 && (
        <>
          <h4>{label('importDefaults')}</h4>
          <ul class="notes">
            {notes.map((note) => (
              <li key={note.code}>{noteText(note)}</li>
            ))}
          </ul>
        </>
      )}
      {replaced.length > 0 && (
        <>
          <h4>{label('importReplaces')}</h4>
          <ul class="replaced">
            {replaced.map(({ before, after }) => (
              <li key={before.id}>
                <strong>{name(after)}</strong> <span class="id">({before.id})</span>
                <p class="before">
                  {label('importBefore')}: {before.en.definition}
                </p>
                <p class="after">
                  {label('importAfter')}: {after.en.definition}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {added.length > 0 && (
        <>
          <h4>{label('importAdds')}</h4>
          <p class="added">{added.map(name).join(' · ')}</p>
        </>
      )}
      <div class="toolbar">
        <button type="button" class="button" onClick={onConfirm}>
          {label('importConfirm')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {label('ownCancel')}
        </button>
      </div>
    </section>
  );
}
