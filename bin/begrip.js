#!/usr/bin/env node
// Launcher for the curators' CLI: runs the TypeScript sources through tsx, so the CLI uses the
// very same glossary/ modules as the extension (no second copy, no build step after `npm ci`).
import { register } from 'tsx/esm/api';

// `begrip annotate big.txt | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
