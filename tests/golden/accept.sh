#!/usr/bin/env bash
# accept.sh [NAME...] — rewrites the expected output of TESTLIST lines (all, or those named) from
# what ./tapscope prints now. Review "git diff tests/golden/expected" line by line before committing.
set -eu
cd "$(dirname "$0")/../.."
[ -x ./tapscope ] || make -s tapscope
grep -v '^#' tests/golden/TESTLIST | while read -r name pcap out opts; do
	[ -n "$name" ] || continue
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue;; esac
	fi
	# shellcheck disable=SC2086
	TZ=UTC ./tapscope -r "tests/golden/$pcap" $opts > "tests/golden/expected/$out"
done
git diff --stat tests/golden/expected
