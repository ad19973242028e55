import { useState } from 'preact/hooks';
import { type Entry, formatIssue, parseEntry } from '../glossary/schema';
import { CategoryOptions } from './CategoryOptions';

export interface OwnEntryFormProps {
  /** The entry being edited, or undefined for a new one. */
  entry?: Entry;
  label: (key: string) => string;
  categoryLabel: (category: string) => string;
  /** Saves; resolves to the problems that stopped it (empty when saved). */
  onSave: (entry: Entry) => Promise<string[]>;
  onCancel: () => void;
}

type Fields = Record<
  | 'id'
  | 'kind'
  | 'category'
  | 'acronym'
  | 'nlTerm'
  | 'nlExpansion'
  | 'nlDefinition'
  | 'enTerm'
  | 'enExpansion'
  | 'enDefinition'
  | 'variants',
  string
>;

function fieldsOf(entry?: Entry): Fields {
  return {
    id: entry?.id ?? '',
    kind: entry?.kind ?? 'term',
    category: entry?.category ?? 'concept',
    acronym: entry?.acronym ?? '',
    nlTerm: entry?.nl.term ?? '',
    nlExpansion: entry?.nl.expansion ?? '',
    nlDefinition: entry?.nl.definition ?? '',
    enTerm: entry?.en.term ?? '',
    enExpansion: entry?.en.expansion ?? '',
    enDefinition: entry?.en.definition ?? '',
    variants: entry?.forms.map((form) => form.text).join('\n') ?? '',
  };
}

const optional = (value: string) => (value.trim() ? value : undefined);
/** Definitions are one paragraph: line breaks typed in the text area become spaces. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ');

/** One form per line; a form kept from the original keeps its status and other attributes. */
function formsOf(lines: string, original?: Entry): Entry['forms'] {
  const before = new Map(original?.forms.map((form) => [form.text, form]));
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => before.get(text) ?? { text, status: 'admitted' });
}

/** Builds the raw entry the schema checks; empty optional fields are left out. */
function rawOf(fields: Fields, original?: Entry): unknown {
  return {
    id: fields.id,
    kind: fields.kind,
    category: fields.category,
    ...(fields.kind === 'acronym' || fields.acronym.trim()
      ? { acronym: optional(fields.acronym) ?? '' }
      : {}),
    nl: {
      term: fields.nlTerm,
      expansion: optional(fields.nlExpansion),
      definition: oneLine(fields.nlDefinition),
    },
    en: {
      term: fields.enTerm,
      expansion: optional(fields.enExpansion),
      definition: oneLine(fields.enDefinition),
    },
    forms: formsOf(fields.variants, original),
    context: original?.context ?? [],
    related: original?.related ?? [],
    sources: original?.sources ?? [],
    own: true,
  };
}

/** Add or edit one own entry; validated by the same schema as the curated glossary. */
export function OwnEntryForm({ entry, label, categoryLabel, onSave, onCancel }: OwnEntryFormProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(entry));
  const [errors, setErrors] = useState<string[]>([]);
  const set = (key: keyof Fields) => (event: Event) =>
    setFields({ ...fields, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = parseEntry(rawOf(fields, entry), fields.id || 'new entry');
    if (!result.ok) return setErrors(result.issues.map(formatIssue));
    setErrors(await onSave(result.entry));
  };
  const text = (key: keyof Fields, labelKey: string, required = false) => (
    <label>
      {label(labelKey)}
      <input value={fields[key]} onInput={set(key)} required={required} />
    </label>
  );
  const area = (key: keyof Fields, labelKey: string) => (
    <label class="wide">
      {label(labelKey)}
      <textarea rows={3} value={fields[key]} onInput={set(key)} />
    </label>
  );
  return (
    <form class="form-grid" onSubmit={submit} aria-label={label(entry ? 'ownEdit' : 'ownAdd')}>
      <label>
        {label('fieldId')}
        <input
          value={fields.id}
          onInput={set('id')}
          required
          readOnly={!!entry}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
        />
      </label>
      <label>
        {label('fieldKind')}
        <select value={fields.kind} onChange={set('kind')}>
          <option value="term">{label('kindTerm')}</option>
          <option value="acronym">{label('kindAcronym')}</option>
        </select>
      </label>
      <label>
        {label('fieldCategory')}
        <select value={fields.category} onChange={set('category')}>
          <CategoryOptions label={categoryLabel} />
        </select>
      </label>
      {text('acronym', 'fieldAcronym')}
      {text('nlTerm', 'fieldNlTerm', true)}
      {text('nlExpansion', 'fieldNlExpansion')}
      {area('nlDefinition', 'fieldNlDefinition')}
      {text('enTerm', 'fieldEnTerm', true)}
      {text('enExpansion', 'fieldEnExpansion')}
      {area('enDefinition', 'fieldEnDefinition')}
      {area('variants', 'fieldVariants')}
      {errors.length > 0 && (
        <ul class="errors wide" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div class="wide toolbar">
        <button type="submit" class="button">
          {label('ownSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {label('ownCancel')}
        </button>
      </div>
    </form>
  );
}
