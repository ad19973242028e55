/**
 * The glossary's data model: one schema for the curated data files, user imports and the
 * user's own entries, so that every entry the extension or CLI sees passed the same checks.
 * Format documentation: docs/glossary-format.md.
 */
import * as v from 'valibot';
import { upgradeEntry } from './upgrade';

export const CATEGORIES = [
  'mission',
  'organisation',
  'role',
  'parliament',
  'legal-political',
  'military',
  'place',
  'concept',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const KINDS = ['acronym', 'term'] as const;
export type Kind = (typeof KINDS)[number];

/** A trimmed, non-empty single-line string (no control characters). */
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters or line breaks'),
  );

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const IdSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be lowercase letters/digits in kebab-case, e.g. "red-card-holder"'),
  v.maxLength(64, 'must be at most 64 characters'),
);

const LanguageSectionSchema = v.strictObject({
  term: text(160),
  expansion: v.optional(text(200)),
  definition: text(800),
});
export type LanguageSection = v.InferOutput<typeof LanguageSectionSchema>;

/** A seed (../shared/seeds), a corpus file (../shared/corpus) or a public document. */
const SourceSchema = v.pipe(
  v.strictObject({
    seed: v.optional(v.pipe(text(120), v.regex(/^[\w.-]+$/, 'must be a plain file name'))),
    corpus: v.optional(
      v.pipe(text(120), v.regex(/^[\w.-]+\.txt$/, 'must be a corpus file name (NNN-name.txt)')),
    ),
    kamerstuk: v.optional(
      v.pipe(
        text(40),
        v.regex(/^\d[\d ]*\d(?: [A-Z]+)?, nr\. [\dA-Z]+$/, 'must look like "27 925, nr. 980"'),
      ),
    ),
    date: v.optional(
      v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date YYYY-MM or YYYY-MM-DD')),
    ),
    title: v.optional(text(300)),
    url: v.optional(v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be https'))),
  }),
  v.check(
    (s) => !!(s.seed || s.corpus || s.kamerstuk || s.url || s.title),
    'must name a seed, a corpus file, a Kamerstuk, a URL or a title',
  ),
);
export type Source = v.InferOutput<typeof SourceSchema>;

const MatchRuleSchema = v.strictObject({
  ambiguous: v.optional(v.boolean()),
  caseSensitive: v.optional(v.boolean()),
  standalone: v.optional(v.boolean()),
  /** false: the entry is found by search but none of its forms is highlighted (unless a form says so). */
  highlight: v.optional(v.boolean()),
  /** Words that, near a form shared with another entry, point to this entry ("Kamer", "motie"). */
  cues: v.optional(v.array(text(60))),
  note: v.optional(text(300)),
});
export type MatchRule = v.InferOutput<typeof MatchRuleSchema>;

/** Term status as TBX's administrativeStatus: preferred, admitted or deprecated. */
export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/**
 * A surface form besides the headwords (nl.term and en.term are always preferred): a spelling
 * variant, a word order, another language's name, a source's misspelling (deprecated).
 */
const FormSchema = v.strictObject({
  text: v.pipe(text(160), v.excludes('|', 'must not contain "|"')),
  status: v.optional(v.picklist(TERM_STATUSES, `must be one of: ${TERM_STATUSES.join(', ')}`), 'admitted'),
  lang: v.optional(v.picklist(['nl', 'en'], 'must be nl or en')),
  /** false: found by search, never highlighted (ordinary language in most texts). */
  highlight: v.optional(v.boolean()),
  note: v.optional(text(300)),
});
export type Form = v.InferOutput<typeof FormSchema>;

/** A dated, situation-bound fact about the concept, with the sources that support it. */
const ContextNoteSchema = v.strictObject({
  nl: text(600),
  en: text(600),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source for its claims')),
});
export type ContextNote = v.InferOutput<typeof ContextNoteSchema>;

/**
 * What the concept is bound to: a country (ISO 3166 code: "NL", "IQ", "IQ-KR" for the Kurdistan
 * Region) and/or an organisation ("NATO", "EU", "UN"). Absent: general, true in any text.
 */
const ScopeSchema = v.strictObject({
  country: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as "NL" or "IQ-KR"'),
    ),
  ),
  organisation: v.optional(text(60)),
});
export type Scope = v.InferOutput<typeof ScopeSchema>;

export const EntrySchema = v.pipe(
  v.strictObject({
    id: IdSchema,
    kind: v.picklist(KINDS, `must be one of: ${KINDS.join(', ')}`),
    category: v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`),
    acronym: v.optional(text(30)),
    scope: v.optional(ScopeSchema),
    nl: LanguageSectionSchema,
    en: LanguageSectionSchema,
    forms: v.optional(v.array(FormSchema), []),
    context: v.optional(v.array(ContextNoteSchema), []),
    related: v.optional(v.array(IdSchema), []),
    sources: v.optional(v.array(SourceSchema), []),
    match: v.optional(MatchRuleSchema),
    /** Set on the user's own entries (options page import/editor), never in curated data. */
    own: v.optional(v.boolean()),
  }),
  // partialCheck, not check: these run even when another field has a problem, so an import
  // reports every problem of an entry at once (a check runs only on an otherwise valid entry).
  v.forward(
    v.partialCheck(
      [['kind'], ['acronym']],
      (e) => e.kind !== 'acronym' || e.acronym !== undefined,
      'is required when kind is "acronym"',
    ),
    ['acronym'],
  ),
  v.forward(
    v.partialCheck(
      [['kind'], ['acronym']],
      (e) => e.kind !== 'term' || e.acronym === undefined,
      'is only allowed for acronyms',
    ),
    ['acronym'],
  ),
  v.forward(
    v.partialCheck(
      [['kind'], ['nl', 'expansion']],
      (e) => e.kind !== 'acronym' || e.nl.expansion !== undefined,
      'is required for acronyms',
    ),
    ['nl', 'expansion'],
  ),
  v.forward(
    v.partialCheck(
      [['kind'], ['en', 'expansion']],
      (e) => e.kind !== 'acronym' || e.en.expansion !== undefined,
      'is required for acronyms',
    ),
    ['en', 'expansion'],
  ),
);

export type Entry = v.InferOutput<typeof EntrySchema>;
/** What a data file or import may contain before defaults are applied. */
export type EntryInput = v.InferInput<typeof EntrySchema>;

/** One problem in an entry or import, named so a curator can find and fix it. */
export interface ValidationIssue {
  /** Where: "row 3", "entry nmi", "mission.json #4". */
  where: string;
  /** Dotted field path, e.g. "nl.definition"; empty for whole-entry problems. */
  field: string;
  message: string;
}

/**
 * A default an import applied to every entry (the short CSV has no ids, kinds or categories),
 * said in the import preview before anything is saved.
 */
export interface ImportNote {
  /** What it is about; the options page says it as the message `importNote_<code>`. */
  code: 'shortCsv' | 'category' | 'kinds' | 'sameTerm' | 'sameDefinition' | 'replacesOwn';
  /** What the message names (a category id, counts), in the order of its placeholders. */
  values: string[];
  /** The note in English, for the CLI. */
  text: string;
}

export type ParseResult =
  | { ok: true; entries: Entry[]; notes?: ImportNote[] }
  | { ok: false; issues: ValidationIssue[] };

/** Validate one raw entry; `where` names it in error messages. */
export function parseEntry(
  raw: unknown,
  where: string,
): { ok: true; entry: Entry } | { ok: false; issues: ValidationIssue[] } {
  const result = v.safeParse(EntrySchema, upgradeEntry(raw));
  if (result.success) return { ok: true, entry: result.output };
  const issues = result.issues.map((issue) => ({
    where,
    field: v.getDotPath(issue) ?? '',
    message: issue.message,
  }));
  return { ok: false, issues };
}

export function formatIssue(issue: ValidationIssue): string {
  return issue.field
    ? `${issue.where}, field "${issue.field}": ${issue.message}`
    : `${issue.where}: ${issue.message}`;
}
