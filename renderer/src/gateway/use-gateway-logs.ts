/**
 * The gateway's recent output: the first page from `gateway:logs`, then every `gateway:log` event, merged
 * without duplicates and bounded. Also where OpenClaw keeps its own log file.
 */
import { useEffect, useState } from 'react';
import type { AppErrorShape, LogLine } from '../../../shared/contract';
import { api } from '../api';
import { mergeLines } from '../lib/log-lines';

/** Live log lines, the log file path and the error of the first fetch. */
export function useGatewayLogs(): { lines: LogLine[]; logFile: string | undefined; error: AppErrorShape | null } {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [logFile, setLogFile] = useState<string | undefined>();
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    let live = true;
    const off = api().onGatewayLog((p) => live && setLines((cur) => mergeLines(cur, p.lines)));
    void api()
      .gatewayLogs({ limit: 500 })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setLines((cur) => mergeLines(cur, r.value.lines));
          setLogFile(r.value.logFile);
        } else {
          setError(r.error);
        }
      });
    return () => {
      live = false;
      off();
    };
  }, []);
  return { lines, logFile, error };
}
