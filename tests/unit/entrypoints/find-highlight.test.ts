import { describe, expect, it } from 'vitest';
import {
  type FindPosition,
  findHits,
  findInText,
  nextPosition,
} from '../../../entrypoints/reader/find-highlight';

/** Pages 2, 3 and 5 of 5 have the query. */
const hasQuery = (page: number) => [2, 3, 5].includes(page);
const at = (page: number, hit: number, count: number): FindPosition => ({ query: 'irak', page, hit, count });

describe('find in the reader', () => {
  it('finds every hit in the text nodes, whatever the case', () => {
    document.body.innerHTML = '<p><span>Irak en IRAK</span> <span>en irak</span></p><p>Geen</p>';
    expect(findHits(document.body, 'irak').map((range) => range.toString())).toEqual([
      'Irak',
      'IRAK',
      'irak',
    ]);
    expect(findHits(document.body, '')).toEqual([]);
  });

  it('starts a new search on the current page, or the next page that has it', () => {
    expect(nextPosition(null, 'irak', 1, 3, 5, hasQuery)).toEqual({ page: 3, hit: 0 });
    expect(nextPosition(null, 'irak', 1, 4, 5, hasQuery)).toEqual({ page: 5, hit: 0 });
    expect(nextPosition(null, 'irak', -1, 4, 5, hasQuery)).toEqual({ page: 3, hit: 'last' });
  });

  it('steps through the hits of a page, then on to the next page, wrapping around', () => {
    expect(nextPosition(at(2, 0, 3), 'irak', 1, 2, 5, hasQuery)).toEqual({ page: 2, hit: 1 });
    expect(nextPosition(at(2, 2, 3), 'irak', 1, 2, 5, hasQuery)).toEqual({ page: 3, hit: 0 });
    expect(nextPosition(at(5, 0, 1), 'irak', 1, 5, 5, hasQuery)).toEqual({ page: 2, hit: 0 });
    expect(nextPosition(at(2, 0, 3), 'irak', -1, 2, 5, hasQuery)).toEqual({ page: 5, hit: 'last' });
    expect(nextPosition(at(3, 1, 2), 'irak', -1, 3, 5, hasQuery)).toEqual({ page: 3, hit: 0 });
  });

  it('starts afresh when the query changed, and says when no page has it', () => {
    expect(nextPosition(at(2, 1, 3), 'nmi', 1, 4, 5, hasQuery)).toEqual({ page: 5, hit: 0 });
    expect(nextPosition(null, 'irak', 1, 1, 5, () => false)).toBeNull();
  });
});

describe('find across the text layer', () => {
  it('matches a space in the query to any whitespace in the text, line breaks included', () => {
    expect(findInText('het nationaal\nkader en Nationaal  Kader', 'nationaal kader')).toEqual([
      [4, 19],
      [23, 39],
    ]);
    expect(findInText('a.b (c) [d]', 'a.b (c)')).toEqual([[0, 7]]);
    expect(findInText('axb', 'a.b')).toEqual([]);
    expect(findInText('tekst', '   ')).toEqual([]);
  });

  it('finds a phrase split over spans and a <br>, as one range across them', () => {
    document.body.innerHTML =
      '<div><span>In het nationaal</span><br><span>kader van de </span><span>NMI</span></div>';
    const [first, second] = findHits(document.body, 'nationaal kader');
    expect(first?.toString()).toBe('nationaalkader'); // a Range reads text nodes only, no <br>
    expect(first?.startContainer.textContent).toBe('In het nationaal');
    expect(first?.startOffset).toBe(7);
    expect(first?.endContainer.textContent).toBe('kader van de ');
    expect(first?.endOffset).toBe(5);
    expect(second).toBeUndefined();
    expect(findHits(document.body, 'van de nmi').map((range) => range.toString())).toEqual(['van de NMI']);
  });
});
