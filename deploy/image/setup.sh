#!/usr/bin/env bash
# Once per machine (root): podman and friends from Debian, and the engine settings podman 4.3 needs on
# hybrid cgroups without systemd: runc (crun 1.8 fails there), cgroupfs, a file events log, and ulimits
# within this machine's hard limit (podman's defaults exceed it). An existing containers.conf is kept.
set -euo pipefail
need=()
for tool in podman buildah runc debootstrap; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
conf=/etc/containers/containers.conf
if [ ! -s "$conf" ]; then
  nofile=$(ulimit -Hn)
  mkdir -p /etc/containers
  cat >"$conf" <<CONF
# Written by deploy/image/setup.sh.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
fi
