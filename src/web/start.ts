import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '../core/default-database-path';
import { createDesk } from '../core/desk';
import { startWebBridge } from './web-bridge';

// `npm run web`: the same UI in a browser, on 127.0.0.1 only.
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string', default: '5199' } },
});
const databaseFile = values.db ?? defaultDatabasePath();
mkdirSync(dirname(databaseFile), { recursive: true });
try {
  const desk = await createDesk({ databaseFile });
  const bridge = await startWebBridge({
    desk,
    rendererDir: resolve('out/renderer'),
    port: Number(values.port),
  });
  console.log(
    `Student Affairs Desk is running at ${bridge.url} (database: ${databaseFile}). Press Ctrl+C to stop.`,
  );
  const stop = () =>
    void bridge
      .close()
      .then(() => desk.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
