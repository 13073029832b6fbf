# The route53-ddns command line in a container: the committed bundle (dist/cli, self-contained: no
# node_modules) on distroless Node 24, which has no shell and no package manager. Runs as the
# image's nonroot user (65532) and writes nothing, so it runs with a read-only root file system and
# every capability dropped. Settings: ROUTE53_DDNS_* variables or flags. AWS credentials come from
# the environment, a mounted profile or a web-identity token file, never from the image.
# README: "Run it in a container". Build from a clone: docker build -t route53-ddns .
#
# The base: distroless stopped publishing nodejs*-debian12 images in February 2026; the Debian 13
# one is maintained. Pinned by tag, written out on the FROM line because Dependabot (docker
# ecosystem) reads no ARG there. For a tag that is not a version Dependabot updates only a digest
# (`:nonroot@sha256:…`, read from the registry); until one is pinned, each build takes the tag's
# current image, which distroless rebuilds with Debian's security updates.
FROM gcr.io/distroless/nodejs24-debian13:nonroot

ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="route53-ddns" \
      org.opencontainers.image.description="Dynamic DNS for AWS Route 53: keeps A/AAAA records pointed at this machine" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="gcr.io/distroless/nodejs24-debian13:nonroot"

# Owned by root, so the user the program runs as cannot change it.
COPY --chown=0:0 dist/cli/ /app/

USER 65532:65532
WORKDIR /home/nonroot
# The watch serves /metrics and /healthz on loopback only (nothing is published unless asked:
# set ROUTE53_DDNS_METRICS=0.0.0.0:9101 and publish the port to scrape it), and `health` asks
# /healthz there: healthy while a check succeeded within three intervals (at least a minute).
# Exec form: the image has no shell. A one-shot run ends before the first check.
ENV ROUTE53_DDNS_METRICS=127.0.0.1:9101
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["/nodejs/bin/node", "/app/index.js", "health"]
ENTRYPOINT ["/nodejs/bin/node", "/app/index.js"]
CMD ["watch"]
