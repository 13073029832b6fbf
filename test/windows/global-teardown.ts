// After the Wine suite: end this prefix's wineserver and the Windows services it keeps running
// (services.exe, rpcss.exe, …), which otherwise outlive the tests.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { WINE, WINE_DIR } from './wine.js'

export default function setup(): () => void {
  return () => {
    const wineserver = join(WINE, '../wineserver')
    if (!existsSync(wineserver)) return
    spawnSync(wineserver, ['-k'], {
      env: { ...process.env, WINEPREFIX: join(WINE_DIR, 'prefix') },
      timeout: 30_000
    })
  }
}
