import { Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';

/** Props of DataTable. */
export interface DataTableProps<Row> {
  /** The rows to show. */
  data: readonly Row[];
  /** Column definitions (TanStack Table). */
  columns: ColumnDef<Row, unknown>[];
  /** A stable id per row; selection is kept by it. */
  getRowId: (row: Row) => string;
  /** Accessible name of the table. */
  label: string;
  /** Text filter over every column; default ''. */
  globalFilter?: string;
  /** Selected row ids; selection checkboxes show only when this is given. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  /** Called with a row on Enter or double click; default: nothing. */
  onRowOpen?: (row: Row) => void;
  /** Server-side sorting: the current sort and its setter; default: sorted here. */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  /** Shown when there are no rows; default 'Nothing to show.' */
  emptyText?: string;
  /**
   * Highest the table may grow, e.g. '60vh': beyond it the rows scroll inside the table's own scroll
   * area under a header that stays in view. Default: as high as its rows.
   */
  maxHeight?: number | string;
}

/**
 * A sortable, filterable, keyboard-friendly table.
 *
 * Arrow keys move between rows, Space selects, Enter opens; headers sort on click or Enter.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const isManualSorting = props.sorting !== undefined;
  const hasSelection = props.rowSelection !== undefined;
  const columns = useMemo<ColumnDef<Row, unknown>[]>(() => {
    if (!hasSelection) return props.columns;
    const select: ColumnDef<Row, unknown> = {
      id: 'select',
      enableSorting: false,
      header: ({ table }) => (
        <Checkbox
          aria-label="Select all rows"
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          aria-label="Select row"
          tabIndex={-1}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    };
    return [select, ...props.columns];
  }, [hasSelection, props.columns]);

  // TanStack Table hands back a mutable instance, which React Compiler cannot memoise; it skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.data as Row[],
    columns,
    getRowId: props.getRowId,
    state: {
      sorting: props.sorting ?? localSorting,
      globalFilter: props.globalFilter ?? '',
      ...(props.rowSelection ? { rowSelection: props.rowSelection } : {}),
    },
    enableRowSelection: hasSelection,
    onRowSelectionChange: props.onRowSelectionChange,
    onSortingChange: props.onSortingChange ?? setLocalSorting,
    manualSorting: isManualSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const rows = table.getRowModel().rows;

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    const row = rows[index];
    if (!row) return;
    const focusRow = (target: number) => {
      const element = bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[target];
      element?.focus();
    };
    if (event.key === 'ArrowDown') focusRow(Math.min(index + 1, rows.length - 1));
    else if (event.key === 'ArrowUp') focusRow(Math.max(index - 1, 0));
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if (event.key === ' ' && hasSelection) row.toggleSelected();
    else if (event.key === 'Enter' && props.onRowOpen) props.onRowOpen(row.original);
    else return;
    event.preventDefault();
  }

  return (
    <Table.ScrollContainer minWidth={700} maxHeight={props.maxHeight}>
      <Table striped highlightOnHover stickyHeader aria-label={props.label} verticalSpacing={6}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    w={header.column.id === 'select' ? 40 : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <UnstyledButton
                        onClick={header.column.getToggleSortingHandler()}
                        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600 }}
                      >
                        {label}
                        {sorted === 'asc' ? (
                          <IconArrowUp size={14} />
                        ) : sorted === 'desc' ? (
                          <IconArrowDown size={14} />
                        ) : (
                          <IconSelector size={14} opacity={0.4} />
                        )}
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" ta="center" py="lg">
                  {props.emptyText ?? 'Nothing to show.'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row, index) => (
            <Table.Tr
              key={row.id}
              data-row
              tabIndex={0}
              aria-selected={hasSelection ? row.getIsSelected() : undefined}
              bg={row.getIsSelected() ? 'var(--mantine-color-blue-light)' : undefined}
              onKeyDown={(event) => onRowKeyDown(event, index)}
              onDoubleClick={() => props.onRowOpen?.(row.original)}
              // A row focused by the arrow keys scrolls into view below the sticky header, not under it.
              style={{ cursor: props.onRowOpen ? 'pointer' : undefined, scrollMarginTop: 48 }}
            >
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
