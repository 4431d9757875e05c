// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable } from './DataTable';

interface Row {
  id: number;
  code: string;
  students: number;
}

const rows: Row[] = [
  { id: 1, code: 'EBC2011', students: 12 },
  { id: 2, code: 'EBC1005', students: 40 },
  { id: 3, code: 'LAW1001', students: 3 },
];
const columns: ColumnDef<Row, unknown>[] = [
  { accessorKey: 'code', header: 'Code' },
  { accessorKey: 'students', header: 'Students' },
];

function Harness({ onOpen, filter = '' }: { onOpen?: (row: Row) => void; filter?: string }) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  return (
    <MantineProvider>
      <DataTable
        label="Test table"
        data={rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        rowSelection={selection}
        onRowSelectionChange={setSelection}
        globalFilter={filter}
        {...(onOpen ? { onRowOpen: onOpen } : {})}
      />
      <output>{Object.keys(selection).join(',')}</output>
    </MantineProvider>
  );
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Test table' }))
    .getAllByRole('row')
    .slice(1);
const codes = () => bodyRows().map((row) => row.textContent);

afterEach(cleanup);

describe('DataTable', () => {
  it('sorts numbers largest first on the first click of their header, and reverses on the second', () => {
    render(<Harness />);
    const studentsHeader = screen.getByRole('button', { name: 'Students' });
    fireEvent.click(studentsHeader);
    expect(codes().map((text) => text?.match(/[A-Z]{3}\d{4}/)?.[0])).toEqual([
      'EBC1005',
      'EBC2011',
      'LAW1001',
    ]);
    expect(studentsHeader.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(studentsHeader);
    expect(codes().map((text) => text?.match(/[A-Z]{3}\d{4}/)?.[0])).toEqual([
      'LAW1001',
      'EBC2011',
      'EBC1005',
    ]);
  });

  it('filters rows by text in any column', () => {
    render(<Harness filter="law" />);
    expect(bodyRows()).toHaveLength(1);
    expect(codes()[0]).toContain('LAW1001');
  });

  it('moves between rows with the arrow keys, selects with Space and opens with Enter', () => {
    const onOpen = vi.fn();
    render(<Harness onOpen={onOpen} />);
    const [first, second] = bodyRows();
    act(() => first?.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: ' ' });
    expect(screen.getByRole('status').textContent).toBe('2');
    fireEvent.keyDown(second, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(rows[1]);
  });

  it('selects every row with the header checkbox', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    expect(screen.getByRole('status').textContent).toBe('1,2,3');
  });
});
