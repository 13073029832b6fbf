# The container tests (npm run test:container) build the Dockerfile with podman and run it with runc
# (test/container/containers.conf says why not crun); build-base.sh fetches Debian packages with apt.
need_debian podman runc debian-archive-keyring
