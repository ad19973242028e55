/**
 * What the inline reading mode writes after a term: an acronym's expansion, or a Dutch term's
 * English equivalent (the reader's language: Dutch readers get Dutch expansions). Short by
 * design: the gloss has the definition. Pure and DOM-free.
 */
import { nameIn } from './names';
import type { Entry } from './schema';

export interface InlineNoteText {
  text: string;
  lang: 'nl' | 'en';
}

const fold = (text: string) =>
  text
    .toLocaleLowerCase('nl')
    .replace(/[\s\u00ad-]+/g, ' ')
    .trim();

/**
 * The note for `entry` in `language`, or null when it would only repeat the term as the page has
 * it (`shown`): "Den Haag (The Hague)" helps, "NAVO (NAVO)" does not.
 */
export function inlineNote(entry: Entry, language: 'nl' | 'en', shown = ''): InlineNoteText | null {
  const text = nameIn(entry, language);
  if (!text || fold(text) === fold(shown) || fold(text) === fold(entry.acronym ?? '')) {
    // An English reader of an English term: the Dutch one may still help to read the page.
    const alternative = nameIn(entry, language === 'en' ? 'nl' : 'en');
    if (!alternative || fold(alternative) === fold(shown) || fold(alternative) === fold(text)) return null;
    return { text: alternative, lang: language === 'en' ? 'nl' : 'en' };
  }
  return { text, lang: language };
}
