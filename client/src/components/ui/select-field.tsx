import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  /** The first option, chosen by the empty value: "All statuses" and the like. */
  emptyLabel: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}

/** A labelled select whose empty value means "no choice". */
export function SelectField({ label, value, emptyLabel, options, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
