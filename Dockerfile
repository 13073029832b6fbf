# The route53-ddns command line in a container: the committed bundle (dist/cli, self-contained: no
# node_modules) on distroless Node 24, which has no shell and no package manager. Runs as the
# image's nonroot user (65532) and needs no writable path, so it runs with a read-only root file
# system and every capability dropped. Configure it with ROUTE53_DDNS_* variables or flags; AWS
# credentials come from the environment, a mounted profile or a web-identity token file, never the
# image. README: "Run it in a container". Build: docker build -t route53-ddns .
#
# The base is pinned by tag and kept current by Dependabot (docker ecosystem). distroless stopped
# publishing nodejs*-debian12 images in February 2026: the Debian 13 image is the maintained one.
ARG BASE=gcr.io/distroless/nodejs24-debian13:nonroot
FROM ${BASE}

ARG BASE
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="route53-ddns" \
      org.opencontainers.image.description="Dynamic DNS for AWS Route 53: keeps A/AAAA records pointed at this machine" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="${BASE}"

# Owned by root and not writable by the user the program runs as.
COPY --chown=0:0 dist/cli/ /app/

USER 65532:65532
WORKDIR /home/nonroot
ENTRYPOINT ["/nodejs/bin/node", "/app/index.js"]
CMD ["watch"]
