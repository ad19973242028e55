/**
 * Forms as people type them, in a CSV cell or the own-entry form: one form per item, its
 * attributes in braces: "0IR {deprecated}", "national framework {en, search-only}". Status
 * (preferred / admitted / deprecated), language (nl / en) and search-only; a form with a note, or
 * whose text holds braces or the separator, is written as JSON instead.
 */
import type { Form } from '../schema';

export class FormSyntaxError extends Error {}

const FORM_ATTRIBUTES = /^(.*?)\s*\{([^{}]*)\}$/;

/** True when a form list can be written in the short syntax (else JSON). */
export function fitsFormsText(forms: readonly Form[], separator: string): boolean {
  return !forms.some(
    (form) =>
      form.note !== undefined || FORM_ATTRIBUTES.test(form.text) || form.text.includes(separator.trim()),
  );
}

/** The short syntax, items joined by `separator`; JSON when it cannot say everything. */
export function formsText(forms: readonly Form[], separator: string): string {
  if (!fitsFormsText(forms, separator)) return JSON.stringify(forms);
  return forms
    .map((form) => {
      const attributes = [
        form.status !== 'admitted' ? form.status : '',
        form.lang ?? '',
        form.highlight === false ? 'search-only' : form.highlight === true ? 'highlight' : '',
      ].filter(Boolean);
      return attributes.length ? `${form.text} {${attributes.join(', ')}}` : form.text;
    })
    .join(separator);
}

/** Items split on `separator` (text or a line break); unknown attributes are an error naming the item. */
export function parseFormsText(text: string, separator: string | RegExp): Record<string, unknown>[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const found = FORM_ATTRIBUTES.exec(item);
      if (!found) return { text: item };
      const form: Record<string, unknown> = { text: (found[1] as string).trim() };
      for (const attribute of (found[2] as string)
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean)) {
        if (attribute === 'preferred' || attribute === 'admitted' || attribute === 'deprecated')
          form.status = attribute;
        else if (attribute === 'nl' || attribute === 'en') form.lang = attribute;
        else if (attribute === 'search-only') form.highlight = false;
        else if (attribute === 'highlight') form.highlight = true;
        else
          throw new FormSyntaxError(
            `"${item}": unknown attribute "${attribute}" (use preferred, admitted, deprecated, nl, en or search-only)`,
          );
      }
      return form;
    });
}
