// `npm run test:interop` asks this first: one line saying why the OCM-stub suite cannot run here, exit 1;
// silent exit 0 when it can.
import { stubUnavailable } from './ocm-stub-process.ts';

const reason = await stubUnavailable();
if (reason) {
  console.error(`The OCM-stub suite cannot run: ${reason}.`);
  process.exit(1);
}
