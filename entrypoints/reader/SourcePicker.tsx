import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Source } from './Reader';

const MAX_BYTES = 100 * 1024 * 1024;

/** Choose or drop a local PDF or .txt file, or paste text. Nothing is uploaded anywhere. */
export function SourcePicker({ onSource }: { onSource: (source: Source) => void }) {
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');

  const openFile = async (file: File | undefined) => {
    if (!file || file.size > MAX_BYTES) return;
    const isText = file.type.startsWith('text/') || /\.txt$/i.test(file.name);
    if (isText) onSource({ kind: 'text', text: await file.text(), name: file.name });
    else onSource({ kind: 'pdf', data: await file.arrayBuffer(), name: file.name });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void openFile(event.dataTransfer?.files[0]);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for the mouse; keyboard users have the file button
    <div class="source-picker" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <label class="button">
        {t('readerOpenFile')}
        <input
          type="file"
          accept="application/pdf,.pdf,text/plain,.txt"
          hidden
          onChange={(e) => void openFile(e.currentTarget.files?.[0])}
        />
      </label>
      <button type="button" class="button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
        {t('readerPaste')}
      </button>
      {pasting && (
        <form
          class="paste"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onSource({ kind: 'text', text, name: t('readerPasted') });
            setPasting(false);
          }}
        >
          <textarea
            rows={6}
            value={text}
            aria-label={t('readerPaste')}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('readerShowText')}
          </button>
        </form>
      )}
    </div>
  );
}
