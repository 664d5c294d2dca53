#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the command works straight from an install without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli, nodeIo } = await import('../server/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
