/**
 * `begrip` — the curators' command line. Every command uses the same glossary/ modules as the
 * extension. Errors are one line on stderr and a non-zero exit, never a stack trace.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Annotation, annotate } from '../glossary/annotate';
import { type CoverageDocument, coverageReport, withoutHeader } from '../glossary/coverage';
import COVERAGE_EXCLUSIONS from '../glossary/curation/coverage-exclusions.json';
import { CURATED_ENTRIES } from '../glossary/data';
import { detectFormat, exportGlossary, FORMATS, type Format, importGlossary } from '../glossary/formats';
import { shortTerm } from '../glossary/forms';
import { Matcher } from '../glossary/matcher';
import { type Entry, formatIssue } from '../glossary/schema';
import { GlossarySearch, hitSummary } from '../glossary/search';
import { coverageMatcher, findUnknownTerms } from '../glossary/unknown';
import { visibleText } from './html-text';

const USAGE = `Usage: begrip <command> [options]

Commands:
  annotate [--json] FILE|-          mark glossary terms in a .txt or .html file (- reads stdin)
  unknown [--json] FILE|-           acronyms and names the glossary lacks, with expansions found in the text
  coverage [--json] [--min-docs N] DIR
                                    the same over a folder of .txt/.html files: counts, documents,
                                    expansions; terms of the reviewed exclusion list shown apart
  lookup [--json] [--limit N] QUERY fuzzy search in Dutch or English (same search as the popup)
  export --format tbx|csv|json [--out FILE]
                                    write the glossary as TBX-Basic, CSV or JSON
  import FILE --check [--format tbx|csv|json]
                                    validate a glossary file; nothing is stored
  help                              this text`;

class UsageError extends Error {}

type Io = { stdout: (s: string) => void; stderr: (s: string) => void; stdin: () => string };
const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0, 'utf8'),
};

function readInput(path: string | undefined, io: Io): { text: string; name: string } {
  if (!path) throw new UsageError('missing FILE (use - for standard input)');
  if (path === '-') return { text: io.stdin(), name: 'stdin' };
  try {
    return { text: readFileSync(path, 'utf8'), name: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new Error(`cannot read ${path}: ${reason}`);
  }
}

/** .html/.htm files are read as their visible text; everything else as is. */
function inputText(path: string | undefined, io: Io): string {
  const { text, name } = readInput(path, io);
  return /\.html?$/i.test(name) ? visibleText(text) : text;
}

function annotateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const text = inputText(onePositional(positionals), io);
  const entries = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
  const annotations = annotate(new Matcher(CURATED_ENTRIES), text);
  const termOf = (a: Annotation) => entries.get(a.id)?.acronym ?? entries.get(a.id)?.nl.term ?? a.id.slice(5);
  if (values.json) {
    const rows = annotations.map((a) => ({
      start: a.start,
      end: a.end,
      text: a.text,
      id: a.id,
      term: termOf(a),
    }));
    io.stdout(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  let marked = '';
  let cursor = 0;
  for (const a of annotations) {
    marked += `${text.slice(cursor, a.start)}[${a.text}]{${a.id}}`;
    cursor = a.end;
  }
  io.stdout(`${marked}${text.slice(cursor)}\n\n`);
  const counts = new Map<string, { count: number; annotation: Annotation }>();
  for (const a of annotations) {
    const slot = counts.get(a.id) ?? { count: 0, annotation: a };
    slot.count++;
    counts.set(a.id, slot);
  }
  io.stdout(`${annotations.length} matches of ${counts.size} terms\n`);
  for (const [id, { count, annotation }] of [...counts].sort((a, b) => b[1].count - a[1].count)) {
    const entry = entries.get(id);
    const gloss = entry
      ? (entry.en.expansion ?? entry.en.term)
      : `${annotation.pageDefined?.expansion} (defined in the text)`;
    io.stdout(`${String(count).padStart(5)}  ${termOf(annotation).padEnd(24)} ${gloss}\n`);
  }
  return 0;
}

function unknownCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const text = inputText(onePositional(positionals), io);
  const unknown = findUnknownTerms(coverageMatcher(CURATED_ENTRIES), text);
  if (values.json) {
    io.stdout(`${JSON.stringify(unknown)}\n`);
    return 0;
  }
  if (unknown.length === 0) io.stdout('Nothing unknown: every acronym and name is in the glossary.\n');
  for (const term of unknown) {
    const expansion = term.expansion ? `  = ${term.expansion} (defined in the text)` : '';
    io.stdout(`${String(term.count).padStart(5)}  ${term.kind.padEnd(8)} ${term.form}${expansion}\n`);
  }
  return 0;
}

const TEXT_FILE = /\.(?:txt|html?)$/i;

function coverageCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, 'min-docs': { type: 'string', default: '1' } },
    allowPositionals: true,
  });
  const dir = onePositional(positionals);
  const minDocs = Number(values['min-docs']);
  if (!Number.isInteger(minDocs) || minDocs < 1)
    throw new UsageError(`--min-docs must be a positive whole number, not "${values['min-docs']}"`);
  const documents = readDocuments(dir);
  const rows = coverageReport(coverageMatcher(CURATED_ENTRIES), documents, COVERAGE_EXCLUSIONS).filter(
    (row) => row.documents.length >= minDocs,
  );
  if (values.json) {
    io.stdout(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  const open = rows.filter((row) => !row.excluded);
  io.stdout(
    `${documents.length} documents; ${open.length} terms not glossed, ${rows.length - open.length} excluded\n`,
  );
  for (const row of open) {
    const expansion = row.expansion ? `  = ${row.expansion}` : '';
    io.stdout(
      `${String(row.count).padStart(5)} ×${String(row.documents.length).padStart(3)} docs  ${row.kind.padEnd(8)} ${row.form}${expansion}  (${row.documents.slice(0, 3).join(', ')}${row.documents.length > 3 ? ', …' : ''})\n`,
    );
  }
  return 0;
}

/** The .txt and .html files of a folder (HTML as its visible text, headers of corpus files dropped). */
function readDocuments(dir: string | undefined): CoverageDocument[] {
  if (!dir) throw new UsageError('missing DIR');
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => TEXT_FILE.test(name))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `cannot read ${dir}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (code ?? 'unreadable')}`,
    );
  }
  if (names.length === 0) throw new Error(`no .txt or .html files in ${dir}`);
  return names.map((name) => {
    const raw = readFileSync(join(dir, name), 'utf8');
    return { name, text: /\.html?$/i.test(name) ? visibleText(raw) : withoutHeader(raw) };
  });
}

function lookupCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, limit: { type: 'string', default: '10' } },
    allowPositionals: true,
  });
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('missing QUERY');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a positive whole number, not "${values.limit}"`);
  const hits = new GlossarySearch(CURATED_ENTRIES).search(query, limit);
  if (values.json) {
    io.stdout(`${JSON.stringify(hits.map(hitSummary))}\n`);
    return 0;
  }
  if (hits.length === 0) io.stdout(`No term matches "${query}".\n`);
  for (const hit of hits) io.stdout(describeEntry(hit.entry));
  return 0;
}

function describeEntry(entry: Entry): string {
  const en = entry.en.expansion ?? entry.en.term;
  const nl = entry.nl.expansion ?? entry.nl.term;
  return `${shortTerm(entry)} — ${en} / ${nl}\n  EN: ${entry.en.definition}\n  NL: ${entry.nl.definition}\n`;
}

function exportCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } } });
  const format = parseFormat(values.format);
  if (!format) throw new UsageError('--format is required: tbx, csv or json');
  const output = exportGlossary(CURATED_ENTRIES, format);
  if (values.out) {
    try {
      writeFileSync(values.out, output);
    } catch (error) {
      throw new Error(`cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    io.stderr(`Wrote ${CURATED_ENTRIES.length} entries to ${values.out}\n`);
  } else io.stdout(output);
  return 0;
}

function importCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { check: { type: 'boolean' }, format: { type: 'string' } },
    allowPositionals: true,
  });
  if (!values.check)
    throw new UsageError('import needs --check (the CLI validates; the options page stores)');
  const { text, name } = readInput(onePositional(positionals), io);
  const format = parseFormat(values.format) ?? detectFormat(name, text);
  const curatedIds = new Set(CURATED_ENTRIES.map((e) => e.id));
  const result = importGlossary(text, format, curatedIds);
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${name}: ${formatIssue(issue)}\n`);
    io.stderr(
      `${name}: invalid ${format.toUpperCase()}; ${result.issues.length} problem(s), nothing accepted\n`,
    );
    return 1;
  }
  for (const note of result.notes ?? []) io.stderr(`${name}: ${note.text}\n`);
  io.stdout(`${name}: valid ${format.toUpperCase()}, ${result.entries.length} entries\n`);
  return 0;
}

function parseFormat(value: string | undefined): Format | undefined {
  if (value === undefined) return undefined;
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format "${value}" (use tbx, csv or json)`);
}

function onePositional(positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`expected one FILE, got ${positionals.length}`);
  return positionals[0];
}

const COMMANDS: Record<string, (args: string[], io: Io) => number> = {
  annotate: annotateCommand,
  unknown: unknownCommand,
  coverage: coverageCommand,
  lookup: lookupCommand,
  export: exportCommand,
  import: importCommand,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return run(args, io);
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`begrip: ${(error as Error).message}${usage ? " (see 'begrip help')" : ''}\n`);
    return usage ? 2 : 1;
  }
}
