import { resolve } from 'node:path';

export interface Config {
  /** PostgreSQL server; absent means the embedded database. */
  databaseUrl?: string;
  /** Embedded data folder. */
  dataDir: string;
  port: number;
  host: string;
  logLevel: string;
  /** Send cookies with Secure (default). Off only for plain-http setups other than localhost. */
  secureCookies: boolean;
  /** Password for the first administrator, instead of a printed one-time password. */
  adminPassword?: string;
  /** Logins allowed per IP and minute. */
  loginRateLimit: number;
  /**
   * Key (base64url, 32 bytes) that encrypts the registry's signing keys at rest. From
   * CORRIDOR_MASTER_KEY; the embedded default keeps one in the data folder instead.
   */
  masterKey?: string;
  /** Address the public reaches the platform at, printed in QR codes (default: the request's own). */
  publicUrl?: string;
}

export function loadConfig(overrides: Partial<Config> = {}, env = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.CORRIDOR_DATA || 'corridor-data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: env.CORRIDOR_INSECURE_COOKIES !== 'true',
    adminPassword: env.CORRIDOR_ADMIN_PASSWORD || undefined,
    loginRateLimit: Number(env.CORRIDOR_LOGIN_RATE_LIMIT || 10),
    masterKey: env.CORRIDOR_MASTER_KEY || undefined,
    publicUrl: env.CORRIDOR_PUBLIC_URL || undefined,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
