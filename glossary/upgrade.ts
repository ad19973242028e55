/**
 * Reading records written by earlier versions of Begrip. Kept apart from the schema (valibot) so
 * the background can upgrade stored own entries without bundling the validator.
 */

/**
 * Entries written before the term-base record (Begrip 0.1 exports): `variants` was a list of
 * strings. They become admitted forms, so old exports still import.
 */
export function upgradeEntry(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  if (!('variants' in record) || 'forms' in record) return raw;
  const { variants, ...rest } = record;
  const forms = Array.isArray(variants)
    ? variants.map((text) => (typeof text === 'string' ? { text } : text))
    : variants;
  return { ...rest, forms };
}
