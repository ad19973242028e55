import { useEffect, useRef, useState } from 'preact/hooks';
import { ImportPreview } from '../../components/ImportPreview';
import { OwnEntryForm } from '../../components/OwnEntryForm';
import { CURATED_ENTRIES } from '../../glossary/data';
import { detectFormat, exportGlossary, FORMATS, type Format, importGlossary } from '../../glossary/formats';
import { nameIn } from '../../glossary/names';
import { type Entry, formatIssue, type ImportNote } from '../../glossary/schema';
import { downloadText } from '../../utils/annex-export';
import { categoryLabel, t } from '../../utils/i18n';
import {
  type ImportPlan,
  importPlan,
  loadOwnEntries,
  ownEntriesItem,
  updateOwnEntries,
  upsert,
} from '../../utils/own-glossary';
import { OwnSyncControl } from './OwnSyncControl';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const CURATED_IDS = CURATED_ENTRIES.map((entry) => entry.id);

/** The user's own entries: add, edit, delete, import (all or nothing) and export. */
export function OwnGlossarySection() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const reload = () => void loadOwnEntries().then(setEntries);
    reload();
    return ownEntriesItem.watch(reload);
  }, []);

  const [preview, setPreview] = useState<
    (ImportPlan & { fileName: string; incoming: Entry[]; notes: ImportNote[] }) | null
  >(null);
  const knownIds = () => new Set([...CURATED_IDS, ...entries.map((e) => e.id)]);
  // Each change applies to the list as stored now: entries from another computer may have arrived.
  const save = async (change: (current: Entry[]) => Entry[], success: string): Promise<string[]> => {
    const result = await updateOwnEntries(change);
    if (!result.ok) return result.errors;
    setEntries(result.entries);
    setStatus(success);
    setErrors([]);
    return [];
  };
  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setErrors([`${file.name}: larger than 5 MB`]);
    const text = await file.text();
    const format = detectFormat(file.name, text);
    const result = importGlossary(text, format, knownIds(), entries);
    if (!result.ok) {
      setStatus('');
      return setErrors(result.issues.map((issue) => `${file.name}: ${formatIssue(issue)}`));
    }
    // Nothing is stored yet: the reader sees what the file adds and replaces, then decides.
    setErrors([]);
    setStatus('');
    setPreview({
      fileName: file.name,
      incoming: result.entries,
      notes: result.notes ?? [],
      ...importPlan(entries, result.entries),
    });
  };
  const confirmImport = async () => {
    if (!preview) return;
    const { incoming } = preview;
    const problems = await save(
      (current) => upsert(current, incoming),
      t('ownImported', String(incoming.length)),
    );
    setPreview(null);
    if (problems.length) setErrors(problems);
  };
  const onExport = (format: Format) => {
    const types: Record<Format, string> = {
      tbx: 'application/x-tbx+xml',
      csv: 'text/csv',
      json: 'application/json',
    };
    downloadText(`begrip-own.${format}`, exportGlossary(entries, format), types[format]);
  };

  return (
    <section class="card" id="own" aria-labelledby="own-title" tabIndex={-1}>
      <h2 id="own-title">{t('ownTitle')}</h2>
      {entries.length === 0 && <p class="hint">{t('ownEmpty')}</p>}
      <ul class="own-list own-entries">
        {entries.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.acronym ?? entry.nl.term}</strong>
            <span class="own-gloss">{nameIn(entry, 'en')}</span>
            <button type="button" class="button" onClick={() => setEditing(entry)}>
              {t('ownEdit')}
            </button>
            <button
              type="button"
              class="button danger"
              onClick={() => void save((current) => current.filter((e) => e.id !== entry.id), t('ownSaved'))}
            >
              {t('ownDelete')}
            </button>
          </li>
        ))}
      </ul>
      {preview && (
        <ImportPreview
          fileName={preview.fileName}
          added={preview.added}
          replaced={preview.replaced}
          notes={preview.notes}
          label={t}
          categoryLabel={categoryLabel}
          onConfirm={() => void confirmImport()}
          onCancel={() => setPreview(null)}
        />
      )}
      {editing ? (
        <OwnEntryForm
          entry={editing === 'new' ? undefined : editing}
          takenIds={knownIds()}
          label={t}
          categoryLabel={categoryLabel}
          onCancel={() => setEditing(null)}
          onSave={async (entry) => {
            const problems = await save((current) => upsert(current, [entry]), t('ownSaved'));
            if (problems.length === 0) setEditing(null);
            return problems;
          }}
        />
      ) : (
        <div class="toolbar own-actions">
          <button type="button" class="button primary" onClick={() => setEditing('new')}>
            {t('ownAdd')}
          </button>
          {/* A button, not a label around the file input: a label cannot be reached with Tab. */}
          <button type="button" class="button" onClick={() => fileInput.current?.click()}>
            {t('ownImport')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.json,.tbx,.xml"
            hidden
            onChange={(e) => void onImport(e)}
          />
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              class="button"
              disabled={entries.length === 0}
              onClick={() => onExport(format)}
            >
              {t('ownExport')} {format.toUpperCase()}
            </button>
          ))}
        </div>
      )}
      <p class="hint" role="status">
        {status}
      </p>
      {errors.length > 0 && (
        <div class="errors" role="alert">
          <p>{t('ownImportFailed')}</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <OwnSyncControl />
    </section>
  );
}
