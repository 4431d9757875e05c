import type { HandlerMap } from '../../handler-map';
import { exportTable } from './export-table';
import { importFile } from './import-file';

/** Import from and export to CSV and XLSX. */
export const transferHandlers: HandlerMap<'transfer:'> = {
  'transfer:importFile': (input, ctx) => importFile(ctx, input),
  'transfer:exportTable': (input, ctx) => exportTable(ctx, input),
};
