import type { CliCommand } from './types.ts';
import { CONFIG_HELP, ConfigError, parseServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

export const serveCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`Usage: ocm-explorer serve [options]\n\n${CONFIG_HELP}`);
    return 0;
  }
  let config;
  try {
    config = parseServerConfig(args, io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`ocm-explorer: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const running = await startServer(config);
  io.stdout(`OCM Explorer is running at ${running.url}/ (Ctrl+C to stop)`);
  for (const { state } of running.demo?.peers ?? [])
    io.stdout(`  demo peer ${state.spec.id.padEnd(7)} ${state.origin}  (${state.spec.name})`);
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
