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
  /** The id of text that explains the switch (read with it). */
  describedBy?: string;
}

/** An on/off switch: a native checkbox with role="switch", drawn as a track and a thumb (ui.css). */
export function Switch({ label, checked, onChange, describedBy }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={checked}
        aria-describedby={describedBy}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="switch-label">{label}</span>
    </label>
  );
}
