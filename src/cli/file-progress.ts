import cliProgress from 'cli-progress';

/**
 * A progress bar for a file import on stderr, only when stderr is a terminal: stdout carries
 * the JSON alone, and a cron job's log gets no bar. Megabytes read, then the phase.
 */
export function fileProgress(): { update: (phase: string, bytes: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {percentage}% {value}/{total} MB', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  let started = false;
  return {
    update: (phase, bytes, total) => {
      if (!started) bar.start(mb(total), 0, { phase });
      started = true;
      bar.update(mb(bytes), { phase: phase.padEnd(11) });
    },
    stop: () => started && bar.stop(),
  };
}
