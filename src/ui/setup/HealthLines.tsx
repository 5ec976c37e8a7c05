import { Failed, Lines } from './layout';

export interface HealthLine {
  key: string;
  ok: boolean;
  text: string;
}

/** One line per part of an installed path, each from a live read; a broken part in danger colour. */
export function HealthLines({ lines, testId }: { lines: HealthLine[]; testId: string }) {
  return (
    <Lines data-testid={testId}>
      {lines.map((line) => (
        <li key={line.key} data-health={line.key} data-ok={line.ok}>
          {line.ok ? line.text : <Failed>{line.text}</Failed>}
        </li>
      ))}
    </Lines>
  );
}
