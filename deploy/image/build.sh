#!/usr/bin/env bash
# `make image`: builds deploy/Dockerfile with podman on the local bases (made first when missing).
#   IMAGE=outbound-crm:latest  the tag        WITH_CHROMIUM=true  false leaves the browser out
# --format docker keeps HEALTHCHECK (the OCI format drops it). Behind an intercepting proxy the host's
# CA bundle is mounted for pip and npm inside the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

IMAGE=${IMAGE:-outbound-crm:latest}
WITH_CHROMIUM=${WITH_CHROMIUM:-true}
if ! command -v podman >/dev/null || [ ! -s /etc/containers/containers.conf ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "podman is not set up: run deploy/image/setup.sh once as root (apt packages, containers.conf)" >&2
    exit 1
  fi
  deploy/image/setup.sh
fi
deploy/image/base.sh

ca_args=()
for bundle in "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
  if [ -n "$bundle" ] && [ -s "$bundle" ]; then ca_args=(-v "$bundle:/run/host-ca.crt:ro"); break; fi
done
podman build --format docker -f deploy/Dockerfile -t "$IMAGE" \
  --build-arg BASE_IMAGE="${DEBIAN_IMAGE:-localhost/debian:bookworm}" \
  --build-arg NODE_IMAGE="${NODE_BASE_IMAGE:-localhost/node:20-bookworm}" \
  --build-arg WITH_CHROMIUM="$WITH_CHROMIUM" \
  "${ca_args[@]}" .
