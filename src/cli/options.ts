import type { Language } from '../i18n/messages.ts';
import { CliUsageError } from './io.ts';

/** Where a command writes; the entry point passes process.stdout/stderr, tests may pass buffers. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function languageOption(value: string | undefined): Language {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'vi') return 'vi';
  throw new CliUsageError(`--lang must be en or vi, not “${value}”`);
}

export function usageError(command: string, message: string): CliUsageError {
  return new CliUsageError(`${command}: ${message} (see qr-map ${command} --help)`);
}
