import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../bin/cli';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { SEEDS_DIR } from '../../fixtures/seeds';

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    stdin: () => stdin,
  });
  return { code, stdout, stderr };
}

describe('begrip annotate', () => {
  it('--json prints only a JSON array with offsets into the input as read', async () => {
    const text = 'De NAVO-missie in Irak (NMI) en de LTO’s.\n';
    const { code, stdout } = await run(['annotate', '--json', '-'], text);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toEqual([
      { start: 3, end: 22, text: 'NAVO-missie in Irak', id: 'nmi', term: 'NMI' },
      { start: 24, end: 27, text: 'NMI', id: 'nmi', term: 'NMI' },
      { start: 35, end: 40, text: 'LTO’s', id: 'lto', term: 'LTO' },
    ]);
    for (const row of rows) expect(text.slice(row.start, row.end)).toBe(row.text);
  });

  it('reads .html as its visible text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'begrip-cli-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><head><title>NMI</title><script>var OIR=1</script></head><body><p>De &amp; <b>Red Card</b> Holder</p></body></html>',
    );
    const { stdout } = await run(['annotate', '--json', file]);
    expect(JSON.parse(stdout).map((r: { id: string }) => r.id)).toEqual(['red-card-holder']);
  });

  it('prints the marked text and a per-term summary', async () => {
    const { stdout } = await run(['annotate', join(SEEDS_DIR, '000_0bc7f43dc9c984f1.txt')]);
    expect(stdout).toContain('[NAVO-missie in Irak]{nmi} ([NMI]{nmi})');
    expect(stdout).toMatch(/\n\s+7 {2}NMI\s+NATO Mission Iraq\n/);
  });
});

describe('begrip unknown and lookup', () => {
  it('lists acronyms the glossary lacks, with the expansion the text gives', async () => {
    const { stdout } = await run(['unknown', '--json', '-'], 'De Wereldbank (WB) en de WB. Ook NMI.');
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ form: 'WB', count: 2, expansion: 'Wereldbank' }),
    ]);
  });

  it('lookup --json ranks the right entry first, typos and all', async () => {
    const { stdout } = await run(['lookup', '--json', '--limit', '3', 'artkel', '100']);
    const hits = JSON.parse(stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]).toEqual(expect.objectContaining({ id: 'artikel-100' }));
    expect(Object.keys(hits[0])).toEqual(['id', 'term', 'nl', 'en', 'score']);
  });
});

describe('begrip coverage', () => {
  it('reports a folder’s unglossed acronyms and names with counts and documents, as JSON too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'begrip-coverage-'));
    writeFileSync(join(dir, 'a.txt'), 'De Zwaluw Quux Base (ZQB) steunt NMI. De ZQB blijft.');
    writeFileSync(join(dir, 'b.html'), '<p>De <b>ZQB</b> en de OIR.</p><script>ZZZ</script>');
    writeFileSync(join(dir, 'skip.pdf'), 'not read');
    const json = await run(['coverage', '--json', dir]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout);
    expect(rows[0]).toEqual({
      form: 'ZQB',
      kind: 'acronym',
      count: 3,
      documents: ['a.txt', 'b.html'],
      expansion: 'Zwaluw Quux Base',
    });
    const text = await run(['coverage', '--min-docs', '2', dir]);
    expect(text.stdout).toContain('2 documents; 1 terms not glossed');
    expect(text.stdout).toContain('ZQB  = Zwaluw Quux Base');
  });

  it('says what is wrong with the folder, in one line', async () => {
    const missing = await run(['coverage', '/no/such/folder']);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      'begrip: cannot read /no/such/folder: no such folder',
    ]);
    const empty = await run(['coverage', mkdtempSync(join(tmpdir(), 'begrip-empty-'))]);
    expect(empty.stderr).toMatch(/no \.txt or \.html files/);
    expect((await run(['coverage', '--min-docs', '0', '.'])).code).toBe(2);
  });
});

describe('begrip export and import', () => {
  it('exports TBX to a file that import --check accepts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'begrip-cli-')), 'glossary.tbx');
    expect((await run(['export', '--format', 'tbx', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<conceptEntry id="nmi">');
    const check = await run(['import', out, '--check']);
    expect(check).toEqual(
      expect.objectContaining({
        code: 0,
        stdout: expect.stringMatching(new RegExp(`valid TBX, ${CURATED_ENTRIES.length} entries`)),
      }),
    );
  });

  it('import --check names the row and field of a bad CSV and exits 1', async () => {
    const csv = (await run(['export', '--format', 'csv'])).stdout.replace(',mission,', ',weather,');
    const file = join(mkdtempSync(join(tmpdir(), 'begrip-cli-')), 'bad.csv');
    writeFileSync(file, csv);
    const { code, stderr } = await run(['import', file, '--check']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.csv: row 2 \(.+\), field "category": must be one of/);
  });

  it('import --check reads a short CSV and says the defaults it applied', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'begrip-cli-')), 'lijst.csv');
    writeFileSync(file, 'term,uitleg,definitie\nZPO,Zwaartepuntoverleg,Overleg over het zwaartepunt.\n');
    const { code, stdout, stderr } = await run(['import', file, '--check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/lijst\.csv: valid CSV, 1 entries/);
    expect(stderr).toContain('lijst.csv: short CSV (term, uitleg, definitie): ids made from the terms\n');
    expect(stderr).toContain('lijst.csv: category "concept" for all rows\n');
  });
});

describe('errors are one line and a non-zero exit', () => {
  it.each([
    [['annotate', '/no/such/file.txt'], 1, /^begrip: cannot read \/no\/such\/file\.txt: no such file\n$/],
    [['annotate', '--bogus', 'x'], 2, /^begrip: Unknown option '--bogus'.*\n$/],
    [['lookup', '--limit', '0', 'nmi'], 2, /^begrip: --limit must be a positive whole number/],
    [['export'], 2, /^begrip: --format is required/],
    [['export', '--format', 'xlsx'], 2, /^begrip: unknown format "xlsx"/],
    [['frobnicate'], 2, /^begrip: unknown command "frobnicate"/],
  ])('%j', async (args, expectedCode, message) => {
    const { code, stderr, stdout } = await run(args as string[]);
    expect(code).toBe(expectedCode);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('the installed binary works from stdin and prints no stack trace on error', () => {
    const json = execFileSync('node', ['bin/begrip.js', 'annotate', '--json', '-'], {
      input: 'NMI en OIR',
    }).toString();
    expect(JSON.parse(json).map((r: { id: string }) => r.id)).toEqual(['nmi', 'oir']);
    const failed = spawnSync('node', ['bin/begrip.js', 'annotate', 'missing.txt']);
    expect(failed.status).toBe(1);
    expect(failed.stderr.toString()).toBe('begrip: cannot read missing.txt: no such file\n');
  });
});
