import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useProgrammes } from './useCatalogue';

/** Props of ProgrammePicker. */
export interface ProgrammePickerProps {
  /** Selected programme ids as strings. */
  value: string[];
  onChange: (value: string[]) => void;
  /** Ids to leave out (e.g. programmes the course already belongs to); default none. */
  exclude?: readonly number[];
  /** Field error; default none. */
  error?: string | undefined;
  /** Focus on mount; default false. */
  autoFocus?: boolean;
}

const levelLabels = {
  bachelor: "Bachelor's",
  master: "Master's",
  'pre-master': "Pre-master's",
  'professional-master': "Professional master's",
} as const;

/** Search-as-you-type picker of one or more programmes, grouped by level. */
export function ProgrammePicker({
  value,
  onChange,
  exclude = [],
  error,
  autoFocus = false,
}: ProgrammePickerProps) {
  const programmes = useProgrammes();
  const data = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const programme of programmes.data ?? []) {
      if (exclude.includes(programme.id)) continue;
      const group = levelLabels[programme.level];
      const label = programme.faculty ? `${programme.name} · ${programme.faculty}` : programme.name;
      groups.set(group, [...(groups.get(group) ?? []), { value: String(programme.id), label }]);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [programmes.data, exclude]);
  return (
    <MultiSelect
      label="Programmes"
      placeholder={value.length === 0 ? 'Type part of a programme name' : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage="No programme matches"
      maxDropdownHeight={320}
      error={error}
      autoFocus={autoFocus}
      disabled={programmes.isLoading}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
