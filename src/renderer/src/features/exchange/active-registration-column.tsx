import { Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { z } from 'zod';
import type { exchangeOverviewRowSchema } from '../../../../shared/api/exchange.contract';

type OverviewRow = z.infer<typeof exchangeOverviewRowSchema>;

/** The overview's "Registration" column: active, kept until the period-2 re-sits, or removed (issue 6.6). */
export const activeRegistrationColumn: ColumnDef<OverviewRow, unknown> = {
  id: 'registration',
  accessorFn: (row) => `${row.registration.state} ${row.registration.on ?? ''}`,
  header: 'Registration',
  cell: ({ row: { original } }) => {
    const { state, on } = original.registration;
    if (state === 'active')
      return (
        <Text size="sm" c="dimmed">
          active
        </Text>
      );
    return (
      <Text
        size="sm"
        fw={600}
        c={state === 'kept' ? 'teal.8' : 'gray.7'}
        style={{ whiteSpace: 'nowrap' }}
        aria-label={`Registration of ${original.studentNumber}`}
      >
        {state === 'kept' ? `kept until ${on ?? ''}` : `removed ${on ?? ''}`}
      </Text>
    );
  },
};
