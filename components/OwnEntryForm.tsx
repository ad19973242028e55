import { useState } from 'preact/hooks';
import { FormSyntaxError, formsText, parseFormsText } from '../glossary/formats/forms-text';
import { idFromTerm } from '../glossary/ids';
import { type Entry, formatIssue, parseEntry, type ValidationIssue } from '../glossary/schema';
import { CategoryOptions } from './CategoryOptions';

export interface OwnEntryFormProps {
  /** The entry being edited, or undefined for a new one. */
  entry?: Entry;
  /** Ids of all other entries (curated and own): a new entry's id is made unique against them. */
  takenIds: ReadonlySet<string>;
  label: (key: string, substitutions?: string | string[]) => string;
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
  | 'variants'
  | 'scopeCountry'
  | 'contextNl'
  | 'contextEn'
  | 'contextSource',
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
    variants: entry ? formsText(entry.forms, '\n') : '',
    scopeCountry: entry?.scope?.country ?? '',
    contextNl: entry?.context[0]?.nl ?? '',
    contextEn: entry?.context[0]?.en ?? '',
    contextSource: entry?.context[0] ? sourceText(entry.context[0].sources[0]) : '',
  };
}

const optional = (value: string) => (value.trim() ? value : undefined);
/** Definitions are one paragraph: line breaks typed in the text area become spaces. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ');

/** One form per line, with its attributes in braces ("0IR {deprecated}"); JSON as exported. */
function formsOf(lines: string): unknown {
  if (lines.trim().startsWith('[')) {
    try {
      return JSON.parse(lines);
    } catch {
      throw new FormSyntaxError('the forms are neither one per line nor valid JSON');
    }
  }
  return parseFormsText(lines, /\r?\n/);
}

/** A source as typed: a URL, a Kamerstuk number ("29 521, nr. 471") or a title. */
function sourceOf(text: string): Record<string, string> {
  const value = text.trim();
  if (/^https?:\/\//.test(value)) return { url: value };
  if (/^\d[\d ]*\d(?: [A-Z]+)?, nr\. [\dA-Z]+$/.test(value)) return { kamerstuk: value };
  return { title: value };
}

function sourceText(source: Entry['sources'][number] | undefined): string {
  return source?.url ?? source?.kamerstuk ?? source?.title ?? source?.corpus ?? source?.seed ?? '';
}

/** The first context note as typed; further notes of an imported entry are kept as they were. */
function contextOf(fields: Fields, original?: Entry): unknown[] {
  const rest = original?.context.slice(1) ?? [];
  if (!fields.contextNl.trim() && !fields.contextEn.trim() && !fields.contextSource.trim()) return rest;
  const sources = fields.contextSource.trim() ? [sourceOf(fields.contextSource)] : [];
  return [{ nl: oneLine(fields.contextNl), en: oneLine(fields.contextEn), sources }, ...rest];
}

/**
 * The id made from what the entry is called: an acronym's letters, else the Dutch term, else the
 * English one ("Zwaartepuntoverleg (ZPO)" → "zwaartepuntoverleg-zpo"), unused by other entries.
 */
function autoId(fields: Fields, taken: ReadonlySet<string>): string {
  const name = (fields.kind === 'acronym' && fields.acronym.trim()) || fields.nlTerm || fields.enTerm;
  return idFromTerm(name, taken);
}

/** The form's own field a schema path belongs to, so a problem names what the user sees. */
function fieldLabelKey(path: string): string | undefined {
  const keys: Record<string, string> = {
    kind: 'fieldKind',
    category: 'fieldCategory',
    acronym: 'fieldAcronym',
    'nl.term': 'fieldNlTerm',
    'nl.expansion': 'fieldNlExpansion',
    'nl.definition': 'fieldNlDefinition',
    'en.term': 'fieldEnTerm',
    'en.expansion': 'fieldEnExpansion',
    'en.definition': 'fieldEnDefinition',
    'context.0.nl': 'fieldContextNl',
    'context.0.en': 'fieldContextEn',
  };
  if (keys[path]) return keys[path];
  if (path.startsWith('forms')) return 'fieldVariants';
  if (path.startsWith('scope')) return 'fieldScopeCountry';
  if (path.startsWith('context.0.sources')) return 'fieldContextSource';
  return undefined;
}

/** Builds the raw entry the schema checks; empty optional fields are left out. */
function rawOf(fields: Fields, id: string, original?: Entry): unknown {
  return {
    id,
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
    ...(fields.scopeCountry.trim() && {
      scope: { ...original?.scope, country: fields.scopeCountry.trim().toUpperCase() },
    }),
    ...(!fields.scopeCountry.trim() &&
      original?.scope?.organisation && {
        scope: { organisation: original.scope.organisation },
      }),
    forms: formsOf(fields.variants),
    context: contextOf(fields, original),
    related: original?.related ?? [],
    sources: original?.sources ?? [],
    own: true,
  };
}

/**
 * Add or edit one own entry; validated by the same schema as the curated glossary. A new entry's
 * id follows its term as it is typed, until the user types an id of their own (issue "Own entries
 * for people, not for the schema"); an edited entry keeps its id.
 */
export function OwnEntryForm({ entry, takenIds, label, categoryLabel, onSave, onCancel }: OwnEntryFormProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(entry));
  /** The id was typed by hand: the term no longer changes it (an empty id follows the term again). */
  const [idTyped, setIdTyped] = useState(!!entry);
  const [errors, setErrors] = useState<string[]>([]);
  const set = (key: keyof Fields) => (event: Event) => {
    const next = { ...fields, [key]: (event.currentTarget as HTMLInputElement).value };
    if (key === 'id') setIdTyped(next.id !== '');
    else if (!idTyped) next.id = autoId(next, takenIds);
    setFields(next);
  };
  /** A problem as the user can act on it: the id in our words, other fields by their label. */
  const describe = (issue: ValidationIssue, id: string) => {
    if (issue.field === 'id') return label('ownIdInvalid', id);
    const key = fieldLabelKey(issue.field);
    return key ? `${label(key)}: ${issue.message}` : formatIssue(issue);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const id = entry?.id ?? (fields.id.trim() || autoId(fields, takenIds));
    let raw: unknown;
    try {
      raw = rawOf(fields, id, entry);
    } catch (error) {
      if (!(error instanceof FormSyntaxError)) throw error;
      return setErrors([`${label('fieldVariants')}: ${error.message}`]);
    }
    const taken = !entry && takenIds.has(id) ? [label('ownIdTaken', id)] : [];
    const result = parseEntry(raw, id || 'new entry');
    if (!result.ok) return setErrors([...taken, ...result.issues.map((issue) => describe(issue, id))]);
    if (taken.length) return setErrors(taken);
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
        <input value={fields.id} onInput={set('id')} readOnly={!!entry} spellcheck={false} />
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
      <p class="wide hint">{label('fieldVariantsHint')}</p>
      {text('scopeCountry', 'fieldScopeCountry')}
      {area('contextNl', 'fieldContextNl')}
      {area('contextEn', 'fieldContextEn')}
      {text('contextSource', 'fieldContextSource')}
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
