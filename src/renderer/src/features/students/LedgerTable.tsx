import { Badge, Table, Text } from '@mantine/core';
import type { LedgerEntry } from '../../../../shared/api/ledger.contract';
import { formatCents } from '../../../../shared/money';

const kindLabels: Record<LedgerEntry['entryKind'], string> = {
  charge: 'Charge',
  adjustment: 'Reassessment',
  payment: 'Payment',
  reversal: 'Reversal',
  refund: 'Refund',
  'administration-charge': 'Administration charge',
};

/** A student's ledger: what was charged and paid, in booking order, with the running balance. */
export function LedgerTable({ entries }: { entries: readonly LedgerEntry[] }) {
  const balances = entries.reduce<number[]>(
    (list, entry) => [...list, (list.at(-1) ?? 0) + entry.amountCents],
    [],
  );
  return (
    <Table striped aria-label="Ledger" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Description</Table.Th>
          <Table.Th ta="right">Charged</Table.Th>
          <Table.Th ta="right">Paid</Table.Th>
          <Table.Th ta="right">Balance</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={6}>
              <Text c="dimmed" ta="center" py="sm">
                Nothing booked yet.
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {entries.map((entry, index) => {
          return (
            <Table.Tr key={entry.id}>
              <Table.Td>{entry.bookedOn}</Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm" color={entry.amountCents > 0 ? 'orange' : 'teal'}>
                  {kindLabels[entry.entryKind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.description}</Text>
                <Text size="xs" c="dimmed">
                  {entry.reasons.map((r) => r.article).join(', ')}
                  {entry.reasons.length > 0 ? ' · ' : ''}booked by {entry.createdBy}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{entry.amountCents > 0 ? formatCents(entry.amountCents) : ''}</Table.Td>
              <Table.Td ta="right">{entry.amountCents < 0 ? formatCents(-entry.amountCents) : ''}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatCents(balances[index] ?? 0)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
