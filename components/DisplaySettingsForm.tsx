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
  /** What the choice means, said under it (and read with the group). */
  hint?: string;
};

/** A sample term in each highlight style, beside its name (hidden from screen readers: decoration). */
const SAMPLE_CLASS: Record<string, string> = {
  underline: 'sample sample-underline',
  background: 'sample sample-background',
  hover: 'sample sample-hover',
};

/** Props-only form; the options page container reads and writes storage. */
export function DisplaySettingsForm({ value, onChange, label }: DisplaySettingsFormProps) {
  const groups: Choice<keyof DisplaySettings>[] = [
    {
      key: 'glossLanguage',
      legend: label('glossLanguage'),
      hint: label('glossLanguageHint'),
      options: [
        ['auto', label('glossLanguageAuto')],
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
        <fieldset
          key={group.key}
          class="choice-group"
          aria-describedby={group.hint ? `${group.key}-hint` : undefined}
        >
          <legend>{group.legend}</legend>
          <div class="choices">
            {group.options.map(([option, text]) => (
              <label key={option} class="choice">
                <input
                  type="radio"
                  name={group.key}
                  value={option}
                  checked={value[group.key] === option}
                  onChange={() => onChange({ ...value, [group.key]: option })}
                />
                {/* A language's own name is in that language (WCAG 3.1.2). */}
                <span
                  class="choice-text"
                  lang={group.key === 'uiLanguage' && option !== 'auto' ? String(option) : undefined}
                >
                  {text}
                </span>
                {group.key === 'highlightStyle' && (
                  <span class={SAMPLE_CLASS[option]} aria-hidden="true">
                    NMI
                  </span>
                )}
              </label>
            ))}
          </div>
          {group.hint && (
            <p class="hint" id={`${group.key}-hint`}>
              {group.hint}
            </p>
          )}
        </fieldset>
      ))}
    </form>
  );
}
