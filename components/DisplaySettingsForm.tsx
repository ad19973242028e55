import type { GlossLanguage, MarkMode } from '../utils/settings';

export interface DisplaySettings {
  glossLanguage: GlossLanguage | 'auto';
  markMode: MarkMode;
}

export interface DisplaySettingsFormProps {
  value: DisplaySettings;
  onChange: (next: DisplaySettings) => void;
  label: (key: string) => string;
}

/** Props-only form; the options page container reads and writes storage. */
export function DisplaySettingsForm({ value, onChange, label }: DisplaySettingsFormProps) {
  const languages: (GlossLanguage | 'auto')[] = ['auto', 'en', 'nl', 'both'];
  const languageLabel = (l: GlossLanguage | 'auto') =>
    l === 'auto' ? 'Auto' : label(`glossLanguage${l === 'en' ? 'En' : l === 'nl' ? 'Nl' : 'Both'}`);
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{label('glossLanguage')}</legend>
        {languages.map((l) => (
          <label key={l}>
            <input
              type="radio"
              name="glossLanguage"
              value={l}
              checked={value.glossLanguage === l}
              onChange={() => onChange({ ...value, glossLanguage: l })}
            />{' '}
            {languageLabel(l)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{label('markMode')}</legend>
        {(['all', 'first'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="markMode"
              value={mode}
              checked={value.markMode === mode}
              onChange={() => onChange({ ...value, markMode: mode })}
            />{' '}
            {label(mode === 'all' ? 'markModeAll' : 'markModeFirst')}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
