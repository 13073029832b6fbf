# The systemd unit tests need systemd-analyze.
need_debian systemd
