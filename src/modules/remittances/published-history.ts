import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

const DATA_DIR = fileURLToPath(new URL('../../../data/remittances/', import.meta.url));

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const row of createReadStream(DATA_DIR + file).pipe(parse({ columns: true, trim: true }))) rows.push(row);
  return rows;
}

export interface PublishedAverageRow {
  dataset: 'wb_databank' | 'derived_mean';
  period: string;
  source_country: string;
  destination_country: string;
  avg_total_cost_pct_200: string;
  avg_total_cost_pct_500: string | null;
  services: number | null;
}

/** The corridor averages others computed (data/remittances/SOURCES.md), as exact decimal text. */
export async function publishedAverageRows(): Promise<PublishedAverageRow[]> {
  const bank = (await readCsv('wb_databank_corridor_avg_total_cost_2011q1_2020q3.csv')).map((r) => ({
    dataset: 'wb_databank' as const,
    period: r.period!,
    source_country: r.source_code!,
    destination_country: r.destination_code!,
    avg_total_cost_pct_200: r.wb_avg_total_cost_pct!,
    avg_total_cost_pct_500: null,
    services: null,
  }));
  const derived = (await readCsv('derived_corridor_mean_2016q2_2024q1.csv')).map((r) => ({
    dataset: 'derived_mean' as const,
    period: r.period!,
    source_country: r.source_code!,
    destination_country: r.destination_code!,
    avg_total_cost_pct_200: r.mean_total_cost_pct_usd200!,
    avg_total_cost_pct_500: r.mean_total_cost_pct_usd500 || null,
    services: r.n_rows ? Number(r.n_rows) : null,
  }));
  return [...bank, ...derived];
}

export async function regionRows(): Promise<{ code: string; region: string; income_group: string }[]> {
  return (await readCsv('wb_regions.csv')).map((r) => ({ code: r.iso3!, region: r.region!, income_group: r.income_group! }));
}
