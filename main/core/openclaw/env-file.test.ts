import crypto from 'node:crypto';
import dotenv from 'dotenv';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteEnvValue, readEnvFile, setEnvVar, setInText, unsetEnvVar, unsetInText } from './env-file';
import { useTempDirs } from '../../testing/use-temp-dirs';

const tmp = useTempDirs();
function envPath() {
  return path.join(tmp(), 'state', '.env');
}

const SAMPLE = [
  '# provider keys for the daemon',
  'OPENAI_API_KEY=sk-openai # inline comment',
  '',
  'export ANTHROPIC_API_KEY="sk-ant-old"',
  "MULTI=\"line one",
  'line two"',
  '   # indented comment',
  'EMPTY=',
  'LAST=last',
].join('\n');

describe('.env editing (pure)', () => {
  it('replaces only the value of the key being set, keeping comments, order and other entries byte for byte', () => {
    const out = setInText(SAMPLE, 'ANTHROPIC_API_KEY', 'sk-ant-new');
    expect(out).toBe(SAMPLE.replace('"sk-ant-old"', "'sk-ant-new'"));
    expect(dotenv.parse(out)).toEqual({ ...dotenv.parse(SAMPLE), ANTHROPIC_API_KEY: 'sk-ant-new' });
  });

  it('appends a new key at the end, and fills an empty value in place', () => {
    expect(setInText(SAMPLE, 'NEW_KEY', 'v')).toBe(`${SAMPLE}\nNEW_KEY='v'\n`);
    expect(setInText('', 'A', 'b')).toBe("A='b'\n");
    expect(dotenv.parse(setInText(SAMPLE, 'EMPTY', 'filled')).EMPTY).toBe('filled');
    expect(setInText(SAMPLE, 'EMPTY', 'filled')).toContain("EMPTY='filled'\nLAST=last");
  });

  it('keeps one entry when the key was duplicated, and unset removes every entry and only those lines', () => {
    const dup = 'A=1\n# c\nA=2\nB=3\n';
    expect(setInText(dup, 'A', 'x')).toBe("A='x'\n# c\nB=3\n");
    expect(unsetInText(dup, 'A')).toBe('# c\nB=3\n');
    const out = unsetInText(SAMPLE, 'MULTI');
    expect(out).toBe(SAMPLE.replace('MULTI="line one\nline two"\n', ''));
    expect(dotenv.parse(out)).not.toHaveProperty('MULTI');
    expect(dotenv.parse(out).LAST).toBe('last');
  });

  it('quotes every awkward value so dotenv.parse returns it exactly', () => {
    const awkward = [
      'has space inside',
      ' leading and trailing ',
      "it's",
      'say "hi"',
      'a#b',
      '#start',
      'back\\slash\\',
      'literal \\n not a newline',
      `mixed ' and " quotes`,
      'mixed \' " and `ticks` and \\n',
      '=equals=',
      'ünïcødé 🔑 密钥',
      "'quoted'",
      '"dq"',
      '',
      'x'.repeat(1024 * 1024),
    ];
    for (const value of awkward) {
      const quoted = quoteEnvValue(value);
      expect(quoted, value.slice(0, 40)).not.toBeNull();
      const text = setInText(SAMPLE, 'KEY_UNDER_TEST', value);
      expect(dotenv.parse(text).KEY_UNDER_TEST).toBe(value);
      expect(dotenv.parse(setInText(SAMPLE, 'LAST', value)).LAST).toBe(value);
    }
  });

  it('round-trips random printable values', () => {
    const alphabet = ` !"#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_\`{|}~é漢`;
    let representable = 0;
    for (let i = 0; i < 2000; i++) {
      const len = crypto.randomInt(0, 24);
      const value = Array.from({ length: len }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
      if (quoteEnvValue(value) === null) continue;
      representable++;
      expect(dotenv.parse(setInText(SAMPLE, 'R', value)).R).toBe(value);
    }
    expect(representable).toBeGreaterThan(1500);
  });
});

describe('.env file', () => {
  it('creates the file 0600 and reads it back as OpenClaw does', async () => {
    const file = envPath();
    await setEnvVar(file, 'ANTHROPIC_API_KEY', 'sk-ant-1');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await readEnvFile(file)).toEqual({ ANTHROPIC_API_KEY: 'sk-ant-1' });
    await unsetEnvVar(file, 'ANTHROPIC_API_KEY');
    expect(await readEnvFile(file)).toEqual({});
    await unsetEnvVar(file, 'NOT_THERE');
  });

  it('keeps CRLF line endings of an existing file', async () => {
    const file = envPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '# c\r\nA=1\r\n');
    await setEnvVar(file, 'B', '2');
    expect(fs.readFileSync(file, 'utf8')).toBe("# c\r\nA=1\r\nB='2'\r\n");
  });

  it.each([
    ['key with newline', 'BAD\nKEY', 'v', 'key'],
    ['key with =', 'A=B', 'v', 'key'],
    ['key with #', 'A#', 'v', 'key'],
    ['key with quote', 'A"', 'v', 'key'],
    ['lower-case key', 'lower', 'v', 'key'],
    ['key starting with a digit', '1ABC', 'v', 'key'],
    ['value with newline', 'A', 'x\ny', 'value'],
    ['value with CR', 'A', 'x\ry', 'value'],
    ['value with NUL', 'A', 'x\u0000y', 'value'],
    ['value over 1 MiB', 'A', 'x'.repeat(1024 * 1024 + 1), 'value'],
  ])('refuses a %s and leaves the file as it was', async (_name, key, value, fieldName) => {
    const file = envPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, SAMPLE);
    const err = await setEnvVar(file, key, value).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err.fields).toHaveProperty(fieldName);
    expect(fs.readFileSync(file, 'utf8')).toBe(SAMPLE);
  });

  it('stores a 1 MiB value exactly', async () => {
    const file = envPath();
    const big = crypto.randomBytes(512 * 1024).toString('hex');
    await setEnvVar(file, 'BIG', big);
    await setEnvVar(file, 'AFTER', 'x');
    expect(await readEnvFile(file)).toEqual({ BIG: big, AFTER: 'x' });
  });

  it('reports a folder in place of .env clearly', async () => {
    const file = envPath();
    fs.mkdirSync(file, { recursive: true });
    await expect(setEnvVar(file, 'A', 'b')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(readEnvFile(file)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
