import type { GlossLanguage, HighlightStyle, MarkMode, UiLanguage } from '../utils/settings';

export interface DisplaySettings {
  glossLanguage: GlossLanguage | 'auto';
  markMode: MarkMode;
  highlightStyle: HighlightStyle;
  uiLanguage: UiLanguage;
}

export interface DisplaySettingsFormProps {
  value: DisplaySettings;
  onChange: (next: DisplaySettings) => void;
  label: (key: string) => string;
}

type Choice<K extends keyof DisplaySettings> = {
  key: K;
  legend: string;
  options: [DisplaySettings[K], string][];
};

/** Props-only form; the options page container reads and writes storage. */
export function DisplaySettingsForm({ value, onChange, label }: DisplaySettingsFormProps) {
  const groups: Choice<keyof DisplaySettings>[] = [
    {
      key: 'glossLanguage',
      legend: label('glossLanguage'),
      options: [
        ['auto', 'Auto'],
        ['en', label('glossLanguageEn')],
        ['nl', label('glossLanguageNl')],
        ['both', label('glossLanguageBoth')],
      ],
    },
    {
      key: 'markMode',
      legend: label('markMode'),
      options: [
        ['all', label('markModeAll')],
        ['first', label('markModeFirst')],
      ],
    },
    {
      key: 'highlightStyle',
      legend: label('highlightStyle'),
      options: [
        ['underline', label('styleUnderline')],
        ['background', label('styleBackground')],
        ['hover', label('styleHover')],
      ],
    },
    {
      key: 'uiLanguage',
      legend: label('uiLanguage'),
      options: [
        ['auto', label('uiLanguageAuto')],
        ['nl', 'Nederlands'],
        ['en', 'English'],
      ],
    },
  ];
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      {groups.map((group) => (
        <fieldset key={group.key}>
          <legend>{group.legend}</legend>
          {group.options.map(([option, text]) => (
            <label key={option}>
              <input
                type="radio"
                name={group.key}
                value={option}
                checked={value[group.key] === option}
                onChange={() => onChange({ ...value, [group.key]: option })}
              />{' '}
              {text}
            </label>
          ))}
        </fieldset>
      ))}
    </form>
  );
}
