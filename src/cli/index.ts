#!/usr/bin/env node
// The `route53-ddns` command: all logic lives in main(); this only sets the exit code.
import { main } from './main.js'

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
