/**
 * Every benchmark prints its results through this, one line each, so `npm run bench` reads as a
 * table and a target that is missed stands out. Targets are checked, not asserted: the bench never
 * fails a build, it reports.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** e.g. { max: 130 } or { min: 5000 } */
  target?: { max?: number; min?: number };
  /** Extra context printed after the value. */
  detail?: string;
}

export function report(result: BenchResult): void {
  const { name, value, unit, target, detail } = result;
  let verdict = '';
  if (target) {
    const ok = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
    const bound = target.max !== undefined ? `<= ${target.max}` : `>= ${target.min}`;
    verdict = ` [target ${bound} ${unit}: ${ok ? 'met' : 'MISSED'}]`;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
  console.log(`${name.padEnd(48)} ${shown.padStart(10)} ${unit}${verdict}${detail ? `  (${detail})` : ''}`);
}
