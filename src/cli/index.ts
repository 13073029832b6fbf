#!/usr/bin/env node
// The `route53-ddns` command: all logic lives in main(); this only sets the exit code.
import { main } from './main.js'

// `route53-ddns --help | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw err
})

const argv = process.argv.slice(2)
void main(argv).then((code) => {
  process.exitCode = code
  // A stopped watch may leave a detection it abandoned (bounded by its own timeouts): exit now.
  // `health` may leave an idle keep-alive connection: its answer is all it waits for.
  if (argv[0] === 'watch' || argv[0] === 'health') process.exit(code)
})
