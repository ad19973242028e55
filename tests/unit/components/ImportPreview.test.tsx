import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPreview } from '../../../components/ImportPreview';
import { importGlossary } from '../../../glossary/formats';

const label = (key: string, substitutions?: string | string[]) =>
  substitutions === undefined || substitutions.length === 0
    ? key
    : `${key}:${[substitutions].flat().join('|')}`;

afterEach(cleanup);

describe('ImportPreview', () => {
  it('states the defaults a short CSV import applied, through its labels, before saving', () => {
    const result = importGlossary(
      'term,uitleg,definitie\nZPO,Zwaartepuntoverleg,Overleg.\nRode kaart,,Een kaart.\n',
      'csv',
    );
    if (!result.ok) throw new Error('the file is valid');
    const onConfirm = vi.fn();
    const { getByRole } = render(
      <ImportPreview
        fileName="lijst.csv"
        added={result.entries}
        replaced={[]}
        notes={result.notes}
        label={label}
        categoryLabel={(category) => `Category ${category}`}
        onConfirm={onConfirm}
        onCancel={() => {}}
      />,
    );
    const preview = getByRole('region', { name: 'importPreviewTitle:lijst.csv' });
    expect([...preview.querySelectorAll('.notes li')].map((li) => li.textContent)).toEqual([
      'importNote_shortCsv:term, uitleg, definitie',
      'importNote_category:Category concept',
      'importNote_kinds:1|1',
      'importNote_sameTerm',
      'importNote_sameDefinition',
    ]);
    expect(preview.querySelector('.added')?.textContent).toBe('ZPO · Rode kaart');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('shows no defaults for a file that says everything', () => {
    const { container } = render(
      <ImportPreview
        fileName="eigen.json"
        added={[]}
        replaced={[]}
        label={label}
        categoryLabel={(category) => category}
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(container.querySelector('.notes')).toBeNull();
    expect(container.textContent).not.toContain('importDefaults');
  });
});
