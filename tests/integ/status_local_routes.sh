#!/usr/bin/env bash
# status_local_routes.sh — --local-routes adds the local table's routes of the device to --status,
# and they agree with `ip -j route show table local dev tap0`; without it only the main table shows.
source "$(dirname "$0")/../lib.sh"
need_root

start_tapscope "$TMPD/out" --netns "$NS" -a 10.18.0.1/24 --print
wait_ready "$TMPD/out" || fail "tapscope did not start"
"$TAPSCOPE" --netns "$NS" --status --json --local-routes >"$TMPD/with.json" || fail "--status --local-routes failed"
"$TAPSCOPE" --netns "$NS" --status --json >"$TMPD/without.json" || fail "--status failed"
nsexec ip -j -4 route show table local dev tap0 >"$TMPD/ip.json"
python3 - "$TMPD/with.json" "$TMPD/without.json" "$TMPD/ip.json" <<'PY' || fail "local routes disagree with ip -j"
import json, sys
with_, without, ip = (json.load(open(p)) for p in sys.argv[1:4])
def local_v4(status):
    return sorted(r["dst"] for r in status.get("routes", [])
                  if r.get("table") == "local" and ":" not in r["dst"])
want = sorted(r["dst"] for r in ip)
got = local_v4(with_)
print("ip -j:", want, " tapscope --local-routes:", got, " without:", local_v4(without))
assert want and got == want, "local table routes differ"
assert local_v4(without) == [], "local routes shown without --local-routes"
PY
stop_tapscope INT
