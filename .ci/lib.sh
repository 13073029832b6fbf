# Helpers for .ci/setup/*.sh (sourced by .ci/run).
ci_sudo=()
[ "$(id -u)" -eq 0 ] || ci_sudo=(sudo)
ci_apt_updated=0

# need_debian PACKAGE...: install the Debian packages that are not installed yet (one apt-get update
# per run, and only when something is missing).
need_debian() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$ci_apt_updated" -eq 0 ]; then
    "${ci_sudo[@]}" apt-get update
    ci_apt_updated=1
  fi
  "${ci_sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}
