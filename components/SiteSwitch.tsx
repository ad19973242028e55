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
      <label>
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      {message && (
        <p class="hint" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
