import { describe, expect, it } from 'vitest';
import { parseLsof, parseNetstat, parseProcNetTcp, parseTasklistCsv } from './port-holder';

describe('port holder parsers', () => {
  it('finds listening sockets on a port in /proc/net/tcp', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:4965 0100007F:D2A4 01 00000000:00000000 00:00000000 00000000     0        0 777777 1 0000000000000000 20 4 30 10 -1',
      '   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1 0000000000000000 100 0 0 10 0',
    ].join('\n');
    expect(parseProcNetTcp(text, 18789)).toEqual(['123456']);
    expect(parseProcNetTcp(text, 8080)).toEqual(['999']);
    expect(parseProcNetTcp(text, 1234)).toEqual([]);
  });
  it('reads IPv6 rows too', () => {
    const row = '   0: 00000000000000000000000001000000:4965 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0';
    expect(parseProcNetTcp(`header\n${row}`, 18789)).toEqual(['4242']);
  });
  it('parses lsof -F pc output', () => {
    expect(parseLsof('p4321\ncpython3\nf5\n')).toEqual({ pid: 4321, command: 'python3' });
    expect(parseLsof('')).toBeUndefined();
  });
  it('parses Windows netstat and tasklist output', () => {
    const netstat = [
      'Active Connections',
      '  Proto  Local Address          Foreign Address        State           PID',
      '  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1000',
      '  TCP    127.0.0.1:18789        0.0.0.0:0              LISTENING       5555',
      '  TCP    127.0.0.1:18789        127.0.0.1:50000        ESTABLISHED     5555',
    ].join('\r\n');
    expect(parseNetstat(netstat, 18789)).toBe(5555);
    expect(parseNetstat(netstat, 9999)).toBeUndefined();
    expect(parseTasklistCsv('"node.exe","5555","Console","1","45,000 K"\r\n')).toBe('node.exe');
  });
});
