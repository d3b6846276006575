#!/usr/bin/env bash
# Runs a command inside a Debian root directory (one of
# scripts/make-root.sh), as root, with chroot:
#
#   scripts/root-run.sh DIR COMMAND [ARG...]
#
# For the time of the command, /proc, /sys and /dev of the host are
# bind-mounted into DIR (unmounted again on exit, also when interrupted)
# and the host's /etc/resolv.conf is copied in, so that apt-get works
# inside.  The mounts are made in a mount namespace of their own where
# unshare(1) can make one: the host never sees them, and they go away
# with the command even if this script is killed, so that no rm -rf of
# DIR can reach the host's /dev.  COMMAND runs in a clean environment (HOME=/root, the usual
# PATH, TERM; nothing else of the caller's), in /root.  Exits with
# COMMAND's status, or 2 if DIR is no root.

set -u

die() {
	echo "root-run: $*" >&2
	exit 2
}

[ $# -ge 2 ] || die "usage: $0 DIR COMMAND [ARG...]"
[ "$(id -u)" -eq 0 ] || die "chroot needs root"
root=$(realpath -e "$1" 2>/dev/null) || die "no directory $1"
shift
[ "$root" != / ] || die "will not run in the host's own /"
[ -x "$root/bin/sh" ] && [ -d "$root/etc/apt" ] || die "$root is no Debian root"

if [ -z "${ROOT_RUN_NAMESPACE-}" ] &&
	unshare --mount --propagation slave true 2>/dev/null; then
	ROOT_RUN_NAMESPACE=1 exec unshare --mount --propagation slave "$0" "$root" "$@"
fi

mounted=()
unmount_all() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount -R "${mounted[i]}" 2>/dev/null || umount -R -l "${mounted[i]}" ||
			echo "root-run: could not unmount ${mounted[i]}" >&2
	done
	mounted=()
}
trap unmount_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for fs in proc sys dev; do
	target=$root/$fs
	# Left over from a run that was killed: used as it is.
	mountpoint -q "$target" && continue
	mkdir -p "$target"
	mount --rbind "/$fs" "$target" || die "could not bind-mount /$fs on $target"
	mounted+=("$target")
	# Unmounting the copy must not unmount the host's own submounts
	# (/dev/pts, /dev/shm, ...), nor must the host's mounts follow it.
	mount --make-rslave "$target" || die "could not make $target a slave mount"
done

# chroot makes the symbolic link that some systems have there a dangling
# one, so the root gets a file of its own.
rm -f "$root/etc/resolv.conf"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	/bin/sh -c 'cd /root && exec "$@"' sh "$@"
status=$?
unmount_all
exit $status
