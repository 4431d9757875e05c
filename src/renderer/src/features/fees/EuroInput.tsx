import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';

/** Props of EuroInput: a NumberInput in euros whose value is held in integer cents. */
export interface EuroInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** The amount in cents; undefined shows an empty field. */
  cents: number | undefined;
  /** Called with the amount in cents, or undefined when the field is emptied. */
  onCentsChange: (cents: number | undefined) => void;
}

/** Whole cents from what a NumberInput reports: a number in euros, or text while it is being typed. */
function centsOf(value: number | string): number | undefined {
  if (typeof value === 'number') return Math.round(value * 100);
  const text = value.replace(/[€,\s]/g, '');
  return text === '' || !Number.isFinite(Number(text)) ? undefined : Math.round(Number(text) * 100);
}

/** An amount of money typed in euros (€ 9,200.00) and kept as integer cents (DESIGN.md §3). */
export function EuroInput({ cents, onCentsChange, ...props }: EuroInputProps) {
  const [draft, setDraft] = useState<number | string>(cents === undefined ? '' : cents / 100);
  // Keep what is being typed ("9200.") while it means the same amount; show a change from elsewhere (the JSON).
  const shown = centsOf(draft) === cents ? draft : cents === undefined ? '' : cents / 100;
  return (
    <NumberInput
      {...props}
      value={shown}
      onChange={(value) => {
        setDraft(value);
        onCentsChange(centsOf(value));
      }}
      prefix="€ "
      thousandSeparator=","
      decimalScale={2}
      min={0}
      allowNegative={false}
    />
  );
}
