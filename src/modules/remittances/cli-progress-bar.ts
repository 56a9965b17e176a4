import cliProgress from 'cli-progress';

/** Bytes read, on stderr, only when it is a terminal: stdout carries the JSON alone. */
export function progressBar(label: string): { update: (bytes: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% {value}/{total} MB`, hideCursor: true }, cliProgress.Presets.shades_classic);
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  let started = false;
  return {
    update: (bytes, total) => {
      if (!started) bar.start(mb(total), 0);
      started = true;
      bar.update(mb(bytes));
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
