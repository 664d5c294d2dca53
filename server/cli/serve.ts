import type { CliCommand } from './types.ts';
import { CONFIG_HELP, ConfigError, parseServerConfig } from '../config.ts';
import { startServer, startupLines } from '../index.ts';
import { installProcessGuard } from '../process-guard.ts';

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
  for (const line of startupLines(running, config)) io.stdout(line);
  io.stdout('Press Ctrl+C to stop.');
  installProcessGuard((line) => io.stderr(line));
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
