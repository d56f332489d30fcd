import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { type FieldControlProps, FormField } from '../ui/form-field.tsx';

/** What `useSchemaForm` gives a field: its message and its registration. */
export interface SchemaFieldForm<N extends string> {
  errorOf: (name: N) => string | undefined;
  field: (name: N) => UseFormRegisterReturn & { maxLength?: number };
}

export type SchemaControlProps = FieldControlProps & UseFormRegisterReturn & { maxLength?: number };

interface SchemaFieldProps<N extends string> {
  form: SchemaFieldForm<N>;
  name: N;
  label: string;
  hint?: string | undefined;
  children: (control: SchemaControlProps) => ReactNode;
}

/** A labelled control bound to a schema form: registered, limited to the schema's length, its error beside it. */
export function SchemaField<N extends string>({ form, name, label, hint, children }: SchemaFieldProps<N>) {
  return (
    <FormField label={label} hint={hint} error={form.errorOf(name)}>
      {(control) => children({ ...control, ...form.field(name) })}
    </FormField>
  );
}
