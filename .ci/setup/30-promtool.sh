# promtool (Debian package prometheus) for the metrics test (test/metrics/promtool.test.ts). Only the
# binary: `dpkg -x` unpacks the .deb without installing it, so no Prometheus service is set up or
# started. Sourced by .ci/run: the PATH it exports reaches npm test.
if ! command -v promtool > /dev/null; then
  promtool_dir="${TMPDIR:-/tmp}/route53-ddns-promtool"
  if [ ! -x "$promtool_dir/usr/bin/promtool" ]; then
    mkdir -p "$promtool_dir"
    apt-cache show prometheus > /dev/null 2>&1 || flock /tmp/route53-apt.lock "${ci_sudo[@]}" apt-get update
    (cd "$promtool_dir" && flock /tmp/route53-apt.lock apt-get download prometheus)
    dpkg -x "$promtool_dir"/prometheus_*.deb "$promtool_dir"
    rm -f "$promtool_dir"/prometheus_*.deb
  fi
  export PATH="$promtool_dir/usr/bin:$PATH"
fi
promtool --version 2>&1 | sed -n 1p
