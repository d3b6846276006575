#!/usr/bin/env bash
# Makes a bare Debian root directory with debootstrap, for testing the
# project on a fresh machine of a Debian release:
#
#   scripts/make-root.sh [--cache TARBALL] [--mirror URL] SUITE DIR [PACKAGE...]
#
# SUITE is a Debian suite or code name (bookworm, trixie, sid, ...).  DIR
# must not exist, or be empty.  The root is what `debootstrap
# --variant=minbase SUITE DIR' makes, with the apt sources of a fresh
# install of SUITE (SUITE, SUITE-updates and SUITE-security, but sid
# alone), then the PACKAGEs installed with apt-get (and the downloaded
# .deb files removed).  A /usr/sbin/policy-rc.d keeps the packages that
# apt-get installs later from starting services (such as distccd) in the
# chroot, which shares the host's network.
#
# With --cache, an existing TARBALL is unpacked into DIR instead, and a
# root that is made is saved to TARBALL (a .tar.gz) for the next time;
# name it after SUITE and the PACKAGEs, as nothing else is checked.
# URL is the Debian mirror (default http://deb.debian.org/debian).
#
# Needs root.  On Debian, installs debootstrap if missing, saying so.
# Commands run inside the root with scripts/root-run.sh DIR COMMAND....

set -u

scripts=$(cd "$(dirname "$0")" && pwd)
cache=
mirror=http://deb.debian.org/debian

die() {
	echo "make-root: $*" >&2
	exit 2
}
usage() {
	sed -n '5p' "$0" | sed 's/^# *//' >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--cache) [ $# -ge 2 ] || usage; cache=$2; shift 2 ;;
	--mirror) [ $# -ge 2 ] || usage; mirror=$2; shift 2 ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage
suite=$1
dir=$2
shift 2
packages=("$@")

[ "$(id -u)" -eq 0 ] || die "debootstrap and chroot need root"
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
	die "$dir is not empty"
fi
mkdir -p "$dir" || die "could not make $dir"
dir=$(realpath -e "$dir")

if [ -n "$cache" ] && [ -f "$cache" ]; then
	echo "make-root: unpacking $cache into $dir"
	tar -xzpf "$cache" --numeric-owner -C "$dir" || die "could not unpack $cache"
	exit 0
fi

if ! command -v debootstrap >/dev/null; then
	"$scripts/install-deps.sh" --who make-root debootstrap || die "could not install debootstrap"
fi

echo "make-root: debootstrap --variant=minbase $suite $dir $mirror"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$log" 2>&1; then
	tail -20 "$log" >&2
	die "debootstrap failed (the end of its output is above)"
fi

# The sources of a fresh install, in place of debootstrap's single line.
case $suite in
sid | unstable | experimental | rc-buggy)
	suites=$suite
	security=
	;;
*)
	suites="$suite $suite-updates"
	security=$suite-security
	;;
esac
rm -f "$dir/etc/apt/sources.list"
{
	printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
		"$mirror" "$suites"
	if [ -n "$security" ]; then
		printf '\nTypes: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
			"${mirror%/debian}/debian-security" "$security"
	fi
} >"$dir/etc/apt/sources.list.d/debian.sources"

printf '#!/bin/sh\n# No services started in this chroot (scripts/make-root.sh).\nexit 101\n' \
	>"$dir/usr/sbin/policy-rc.d"
chmod 755 "$dir/usr/sbin/policy-rc.d"

echo "make-root: apt-get update; apt-get install ${packages[*]:-(nothing)}"
if ! "$scripts/root-run.sh" "$dir" sh -c \
	'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null && apt-get clean' \
	sh "${packages[@]}"; then
	die "apt-get in $dir failed"
fi
# What a machine installed this way would have: no resolver of the host's.
rm -f "$dir/etc/resolv.conf"

if [ -n "$cache" ]; then
	echo "make-root: saving $dir to $cache"
	mkdir -p "$(dirname "$cache")"
	# Written aside and renamed, so that an interrupted run leaves no
	# truncated tarball to be unpacked next time.
	if ! tar -czf "$cache.tmp" --numeric-owner -C "$dir" . || ! mv "$cache.tmp" "$cache"; then
		rm -f "$cache.tmp"
		die "could not write $cache"
	fi
fi
echo "make-root: $suite root ready in $dir"
