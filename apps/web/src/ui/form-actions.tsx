/** A form's main button (which says when it is busy) and its Cancel button. */
export function FormActions(props: {
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div class="form-actions">
      <button type="submit" class="button" disabled={props.busy || props.disabled}>
        {props.busy ? props.busyLabel : props.label}
      </button>
      <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
        Cancel
      </button>
    </div>
  );
}
