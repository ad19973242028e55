import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OwnEntryForm } from '../../../components/OwnEntryForm';
import type { Entry } from '../../../glossary/schema';

/** Labels are their keys, with the substitutions after a colon: easy to find and to check. */
const label = (key: string, substitutions?: string | string[]) =>
  substitutions === undefined || substitutions.length === 0
    ? key
    : `${key}:${[substitutions].flat().join('|')}`;

function renderForm(entry?: Entry, takenIds: string[] = []) {
  const onSave = vi.fn(async (_entry: Entry) => [] as string[]);
  const view = render(
    <OwnEntryForm
      entry={entry}
      takenIds={new Set(takenIds)}
      label={label}
      categoryLabel={(category) => category}
      onSave={onSave}
      onCancel={() => {}}
    />,
  );
  const field = (key: string) => view.getByLabelText(key) as HTMLInputElement;
  const type = (key: string, value: string) => fireEvent.input(field(key), { target: { value } });
  const fill = () => {
    type('fieldNlDefinition', 'Een definitie.');
    type('fieldEnDefinition', 'A definition.');
  };
  const submit = () => fireEvent.submit(view.getByRole('form'));
  return { ...view, onSave, field, type, fill, submit };
}

afterEach(cleanup);

describe('OwnEntryForm ids', () => {
  it('fills the id in from the Dutch term as it is typed, unique among the existing ids', async () => {
    const form = renderForm(undefined, ['zwaartepuntoverleg-zpo']);
    expect(form.field('fieldId').getAttribute('pattern')).toBeNull();
    form.type('fieldNlTerm', 'Zwaartepunt');
    expect(form.field('fieldId').value).toBe('zwaartepunt');
    form.type('fieldNlTerm', 'Zwaartepunt\u00adoverleg (ZPO)');
    expect(form.field('fieldId').value).toBe('zwaartepuntoverleg-zpo-2');
    form.type('fieldEnTerm', 'Focus consultation');
    form.fill();
    form.submit();
    await waitFor(() => expect(form.onSave).toHaveBeenCalled());
    expect(form.onSave.mock.calls[0]?.[0]).toMatchObject({ id: 'zwaartepuntoverleg-zpo-2', own: true });
  });

  it('uses the English term while the Dutch one is empty, and an acronym’s letters', () => {
    const form = renderForm();
    form.type('fieldEnTerm', 'Focus consultation');
    expect(form.field('fieldId').value).toBe('focus-consultation');
    form.type('fieldNlTerm', 'Zwaartepuntoverleg');
    expect(form.field('fieldId').value).toBe('zwaartepuntoverleg');
    fireEvent.change(form.getByLabelText('fieldKind'), { target: { value: 'acronym' } });
    form.type('fieldAcronym', 'ZPO');
    expect(form.field('fieldId').value).toBe('zpo');
  });

  it('stops following the term once the id is typed by hand, and follows it again when emptied', () => {
    const form = renderForm();
    form.type('fieldNlTerm', 'Rode kaart');
    form.type('fieldId', 'mijn-kaart');
    form.type('fieldNlTerm', 'Rode kaart houder');
    expect(form.field('fieldId').value).toBe('mijn-kaart');
    form.type('fieldId', '');
    form.type('fieldNlTerm', 'Rode kaarthouder');
    expect(form.field('fieldId').value).toBe('rode-kaarthouder');
  });

  it('keeps the id of an entry being edited', async () => {
    const entry: Entry = {
      id: 'eigen-term',
      kind: 'term',
      category: 'concept',
      nl: { term: 'Eigen term', definition: 'Een definitie.' },
      en: { term: 'Own term', definition: 'A definition.' },
      forms: [],
      context: [],
      related: [],
      sources: [],
      own: true,
    };
    const form = renderForm(entry, ['eigen-term']);
    form.type('fieldNlTerm', 'Andere term');
    expect(form.field('fieldId').value).toBe('eigen-term');
    expect(form.field('fieldId').readOnly).toBe(true);
    form.submit();
    await waitFor(() => expect(form.onSave).toHaveBeenCalled());
    expect(form.onSave.mock.calls[0]?.[0]).toMatchObject({ id: 'eigen-term', nl: { term: 'Andere term' } });
  });

  it('says in its own words what is wrong with a hand-typed id, with the other problems', async () => {
    const form = renderForm(undefined, ['nmi']);
    form.type('fieldNlTerm', 'Nieuwe term');
    form.type('fieldEnTerm', 'New term');
    form.type('fieldId', 'Mijn Term');
    form.type('fieldNlDefinition', 'Een definitie.');
    form.submit();
    const alert = await form.findByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'ownIdInvalid:Mijn Term',
      'fieldEnDefinition: must not be empty',
    ]);
    form.type('fieldId', 'nmi');
    form.type('fieldEnDefinition', 'A definition.');
    form.submit();
    await waitFor(() => expect(form.getByRole('alert').textContent).toBe('ownIdTaken:nmi'));
    expect(form.onSave).not.toHaveBeenCalled();
  });
});
