export interface SiteSwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  message?: string;
}

/** "Highlight on this site": a labelled switch (a checkbox with role="switch"). */
export function SiteSwitch({ label, checked, onChange, message }: SiteSwitchProps) {
  return (
    <div class="site-switch">
      <Switch label={label} checked={checked} onChange={onChange} />
      {message && (
        <p class="hint" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off switch: a native checkbox with role="switch", drawn as a track and a thumb (ui.css). */
export function Switch({ label, checked, onChange }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={checked}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="switch-label">{label}</span>
    </label>
  );
}
