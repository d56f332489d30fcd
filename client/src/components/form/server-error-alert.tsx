/** A form's alert with the server's message as it is; nothing while there is none. */
export function ServerErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="form-alert">
      {message}
    </div>
  );
}
