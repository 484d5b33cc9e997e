#!/usr/bin/env node
/**
 * A fake `openclaw` CLI for the CLI runner's tests (`main/core/openclaw/cli.test.ts`). It does what the runner must
 * cope with, one command per behaviour:
 *   env                          prints the OpenClaw variables it got and its argv as JSON
 *   env-names                    prints the names of every variable it got (sorted) and its PATH as JSON
 *   stdin                        reads stdin to the end and prints what it read as JSON `{stdin}`
 *   secret-with-child            reads stdin, starts a grandchild (argv carries no secret), prints
 *                                `ready <pid> <grandchild pid>` and waits until stdin's value was checked (it exits
 *                                once the file named by FAKE_CLI_RELEASE exists)
 *   flood <bytes>                writes `bytes` on stdout and on stderr (stderr ends with "END-OF-STDERR")
 *   exit <code>                  exits with `code`, printing "bye" on stderr
 *   hang [--ignore-term]         starts a grandchild in its group, prints `ready <pid> <grandchild pid>`, never ends
 *                                (with --ignore-term both ignore SIGTERM: only SIGKILL ends them)
 *   slow-write <log> <ms> <tag>  appends `start <tag>` to `log`, waits `ms`, appends `end <tag>`
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const [cmd, ...rest] = process.argv.slice(2);

function readStdin() {
  return new Promise((resolve) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c) => (data += c));
    process.stdin.on('end', () => resolve(data));
  });
}

function grandchild(ignoreTerm) {
  const code = `${ignoreTerm ? "process.on('SIGTERM',()=>{});" : ''}setInterval(()=>{},1000)`;
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

switch (cmd) {
  case 'env-names': {
    console.log(JSON.stringify({ names: Object.keys(process.env).sort(), path: process.env.PATH }));
    break;
  }
  case 'env': {
    const keys = Object.keys(process.env).filter((k) => k.startsWith('OPENCLAW_') || k === 'NO_COLOR' || k === 'PATH');
    console.log(JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), env: Object.fromEntries(keys.map((k) => [k, process.env[k]])) }));
    break;
  }
  case 'stdin':
    console.log(JSON.stringify({ stdin: await readStdin() }));
    break;
  case 'secret-with-child': {
    const secret = await readStdin();
    const child = grandchild(false);
    console.log(`ready ${process.pid} ${child.pid} ${secret.length}`);
    const release = process.env.FAKE_CLI_RELEASE;
    const timer = setInterval(() => {
      if (release && fs.existsSync(release)) {
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 20);
    break;
  }
  case 'flood': {
    const bytes = Number(rest[0]);
    const line = `${'x'.repeat(1023)}\n`;
    let out = '';
    while (out.length < bytes) out += line;
    process.stdout.write(out.slice(0, bytes));
    process.stderr.write(`${out.slice(0, bytes)}END-OF-STDERR\n`);
    break;
  }
  case 'exit':
    process.stderr.write('bye\n');
    process.exitCode = Number(rest[0]);
    break;
  case 'hang': {
    const ignoreTerm = rest.includes('--ignore-term');
    if (ignoreTerm) process.on('SIGTERM', () => {});
    const child = grandchild(ignoreTerm);
    console.log(`ready ${process.pid} ${child.pid}`);
    setInterval(() => {}, 1000);
    break;
  }
  case 'slow-write': {
    const [log, ms, tag] = rest;
    fs.appendFileSync(log, `start ${tag}\n`);
    await new Promise((r) => setTimeout(r, Number(ms)));
    fs.appendFileSync(log, `end ${tag}\n`);
    break;
  }
  default:
    process.stderr.write(`fake openclaw cli: unknown command ${cmd}\n`);
    process.exitCode = 2;
}
