import { type ReactElement, cloneElement, useId } from 'react';

/**
 * A labelled input with the API's problem for it right below, tied by aria-describedby so a
 * screen reader reads the error with the field. The child keeps its own value: nothing typed is lost.
 */
export function Field({ label, error, children }: { label: string; error?: string | undefined; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
