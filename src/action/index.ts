import module from 'node:module'

// Cache V8's compiled code between runs (Node 22.1+; absent on older Node): most of a no-op
// run's start-up is compiling the bundle, and scheduled runs load the same file again and again.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

const { run } = await import('./main.js')
await run()
