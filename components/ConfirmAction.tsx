import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmActionProps {
  /** The button that asks: "Clear history". */
  label: string;
  /** What is about to happen, asked in place of the button: "Clear all 12 lookups? …". */
  question: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  disabled?: boolean;
}

/**
 * A destructive action confirmed in place: the button gives way to its question with Confirm and
 * Cancel (focus on Cancel, Escape cancels), instead of the browser's blocking confirm().
 */
export function ConfirmAction({ label, question, confirm, cancel, onConfirm, disabled }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const ask = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  /** Cancelled: focus goes back to the button that asked. */
  const backToAsk = useRef(false);
  useEffect(() => {
    if (asking) keep.current?.focus();
    else if (backToAsk.current) ask.current?.focus();
    backToAsk.current = false;
  }, [asking]);
  const cancelAsking = () => {
    backToAsk.current = true;
    setAsking(false);
  };

  if (!asking)
    return (
      <button
        ref={ask}
        type="button"
        class="button danger"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <fieldset
      class="confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        cancelAsking();
      }}
    >
      <legend>{question}</legend>
      <div class="confirm-buttons">
        <button
          type="button"
          class="button danger"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirm}
        </button>
        <button ref={keep} type="button" class="button" onClick={cancelAsking}>
          {cancel}
        </button>
      </div>
    </fieldset>
  );
}
