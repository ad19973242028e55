/**
 * The glossary's data model: one schema for the curated data files, user imports and the
 * user's own entries, so that every entry the extension or CLI sees passed the same checks.
 * Format documentation: docs/glossary-format.md.
 */
import * as v from 'valibot';

export const CATEGORIES = [
  'mission',
  'organisation',
  'role',
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

const SourceSchema = v.strictObject({
  seed: v.optional(v.pipe(text(120), v.regex(/^[\w.-]+$/, 'must be a plain file name'))),
  kamerstuk: v.optional(
    v.pipe(text(40), v.regex(/^\d[\d ]*\d, nr\. \d+$/, 'must look like "27 925, nr. 980"')),
  ),
  date: v.optional(
    v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date YYYY-MM or YYYY-MM-DD')),
  ),
  title: v.optional(text(300)),
  url: v.optional(v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be https'))),
});
export type Source = v.InferOutput<typeof SourceSchema>;

const MatchRuleSchema = v.strictObject({
  ambiguous: v.optional(v.boolean()),
  caseSensitive: v.optional(v.boolean()),
  standalone: v.optional(v.boolean()),
  note: v.optional(text(300)),
});
export type MatchRule = v.InferOutput<typeof MatchRuleSchema>;

export const EntrySchema = v.pipe(
  v.strictObject({
    id: IdSchema,
    kind: v.picklist(KINDS, `must be one of: ${KINDS.join(', ')}`),
    category: v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`),
    acronym: v.optional(text(30)),
    nl: LanguageSectionSchema,
    en: LanguageSectionSchema,
    variants: v.optional(v.array(v.pipe(text(160), v.excludes('|', 'must not contain "|"'))), []),
    related: v.optional(v.array(IdSchema), []),
    sources: v.optional(v.array(SourceSchema), []),
    match: v.optional(MatchRuleSchema),
    /** Set on the user's own entries (options page import/editor), never in curated data. */
    own: v.optional(v.boolean()),
  }),
  v.forward(
    v.check((e) => e.kind !== 'acronym' || e.acronym !== undefined, 'is required when kind is "acronym"'),
    ['acronym'],
  ),
  v.forward(
    v.check((e) => e.kind !== 'term' || e.acronym === undefined, 'is only allowed for acronyms'),
    ['acronym'],
  ),
  v.forward(
    v.check((e) => e.kind !== 'acronym' || e.nl.expansion !== undefined, 'is required for acronyms'),
    ['nl', 'expansion'],
  ),
  v.forward(
    v.check((e) => e.kind !== 'acronym' || e.en.expansion !== undefined, 'is required for acronyms'),
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

export type ParseResult = { ok: true; entries: Entry[] } | { ok: false; issues: ValidationIssue[] };

/** Validate one raw entry; `where` names it in error messages. */
export function parseEntry(
  raw: unknown,
  where: string,
): { ok: true; entry: Entry } | { ok: false; issues: ValidationIssue[] } {
  const result = v.safeParse(EntrySchema, raw);
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
