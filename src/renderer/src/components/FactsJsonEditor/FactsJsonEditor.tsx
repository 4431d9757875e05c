import { JsonInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';

/** Props of FactsJsonEditor. */
export interface FactsJsonEditorProps<T> {
  /** The facts the form holds now. */
  value: T;
  /** Called with the edited facts once they parse and the schema accepts them. */
  onChange: (facts: T) => void;
  /** The schema the facts must satisfy, e.g. the one the CLI reads `--facts` files with. */
  schema: z.ZodType;
  /** What the field is for; shown under the label. */
  description: string;
}

/**
 * Every fact of a form as JSON, for the facts the form has no field for: edited as text and applied
 * when the field is left, only if it is valid JSON the schema accepts; otherwise the text and the
 * first problem (with its path) stay in the editor and nothing is applied.
 */
export function FactsJsonEditor<T>({ value, onChange, schema, description }: FactsJsonEditorProps<T>) {
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <JsonInput
      label="All facts as JSON"
      description={description}
      autosize
      minRows={6}
      maxRows={18}
      validationError="This is not valid JSON."
      error={error}
      value={json ?? JSON.stringify(value, null, 2)}
      onFocus={() => setJson(JSON.stringify(value, null, 2))}
      onChange={setJson}
      // No formatOnBlur: JsonInput formats after onBlur, which would leave the editor holding stale text.
      onBlur={() => {
        if (json === null) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(json);
        } catch {
          return;
        }
        const result = schema.safeParse(parsed);
        if (!result.success) {
          const issue = result.error.issues[0];
          setError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not valid facts'}`);
          return;
        }
        setError(null);
        setJson(null);
        // The facts as written (defaults not filled in), so that the form shows what was typed.
        onChange(parsed as T);
      }}
    />
  );
}
