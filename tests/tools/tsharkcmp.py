#!/usr/bin/env python3
"""tsharkcmp.py — compares tapscope --json with tshark -T fields on every field tapscope names.

usage: tsharkcmp.py [--exceptions FILE] [--show N] TAPSCOPE CAPTURE...

For each capture: runs TAPSCOPE -r CAPTURE --json, collects the field names it used (those
Wireshark knows: tshark -G fields), asks tshark for all occurrences of those fields, and compares
frame by frame. One value is one (frame, field) pair where either side has something: equal when
both give the same list of values in the same order (numbers compared as numbers, tshark's 0x..
read as hex, checksum statuses by Wireshark's numbers). Where tshark decodes a layer tapscope
does not (http, l2tp, sflow...), tapscope's data.* fields are not compared and tshark's extra
occurrences from inside that layer are dropped; the layer list still shows the difference. The layer list (frame.protocols, without
Wireshark's pseudo-layers) counts as one more value per frame. Exceptions ("file frame field
reason", frame or field may be *) are counted apart. Prints the totals (the agreement without the
excused values, then with them counted as differing) and exits 1 when fewer than 99.5% of the
compared values agree.
"""
import fnmatch
import json
import os
import subprocess
import sys

AGG, SEP = "\x1e", "\x1f"
TSHARK_OPTS = ["-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
               "-o", "tcp.check_checksum:TRUE", "-o", "tcp.analyze_sequence_numbers:FALSE",
               "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
               "-o", "tcp.desegment_tcp_streams:FALSE"]
STATUS = {"good": "1", "bad": "0", "unverified": "2", "not present": "3", "illegal": "4"}
# Layers tapscope decodes (others are "data" to it), and Wireshark's pseudo-layers that tapscope
# shows inside their layer.
PROTOS = set("eth vlan sll null ppp arp ip ipv6 icmp icmpv6 udp tcp dns dhcp gre erspan vxlan geneve "
             "mpls pppoes pppoed l2tp ah lcp data".split())
PSEUDO = set("raw ethertype ipv6.hopopts ipv6.routing ipv6.fraghdr ipv6.dstopts".split())
GOAL = 99.5


def wireshark_fields():
    out = subprocess.run(["tshark", "-G", "fields"], capture_output=True, text=True).stdout
    return {line.split("\t")[2] for line in out.splitlines() if line.startswith("F\t")}


def norm(v):
    v = str(v)
    if v in STATUS:
        return STATUS[v]
    if v.startswith("0x"):
        try:
            return str(int(v, 16))
        except ValueError:
            return v
    return v


def norm_protos(tshark_protos):
    out = []
    for w in tshark_protos.split(":"):
        if not w or w in PSEUDO:
            continue
        w = w if w in PROTOS else "data"
        if w == "data" and out and out[-1] == "data":
            continue
        out.append(w)
    return ",".join(out)


def load_exceptions(path):
    ex = []
    if not path or not os.path.exists(path):
        return ex
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 3)
            if len(parts) >= 3:
                ex.append(parts[:3])
    return ex


def excused(ex, fname, frame, field):
    for pat, fr, fl in ex:
        if fnmatch.fnmatch(fname, pat) and fr in ("*", str(frame)) and fnmatch.fnmatch(field, fl):
            return True
    return False


def compare(tapscope, cap, known, ex, show, totals):
    name = os.path.basename(cap)
    r = subprocess.run([tapscope, "-r", cap, "--json"], capture_output=True, text=True, errors="replace")
    mine = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    if r.returncode != 0:
        # a file damaged inside (or a pcapng libpcap stops in): tapscope prints the frames before
        # the damage, then says what libpcap found
        if not mine:
            print("%s: tapscope failed: %s" % (name, r.stderr.strip()))
            totals["failed"] += 1
            return
        print("%s: damaged file, %d frame(s) before the damage compared (%s)" % (name, len(mine), r.stderr.strip()))
    names = []
    for fr in mine:
        for k in fr.get("fields", {}):
            if k in known and k not in names:
                names.append(k)
    args = ["tshark", "-n", "-r", cap, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=" + AGG,
            "-E", "separator=" + SEP] + TSHARK_OPTS + ["-e", "frame.encap_type", "-e", "frame.protocols"]
    for n in names:
        args += ["-e", n]
    t = subprocess.run(args, capture_output=True, text=True, errors="replace", env=dict(os.environ, TZ="UTC"))
    rows = [line.split(SEP) for line in t.stdout.split("\n")[:-1]] if t.stdout else []
    # tshark shows pcapng custom blocks as frames of their own (no encapsulation); libpcap skips them
    rows = [row[1:] for row in rows if row[0] != ""]
    if r.returncode != 0:
        rows = rows[:len(mine)]
    if len(rows) > len(mine) and r.returncode == 0:
        # libpcap reads only the first section of a multi-section pcapng: tcpdump sees as many
        td = subprocess.run(["tcpdump", "-nr", cap], capture_output=True, text=True, errors="replace")
        if len(td.stdout.splitlines()) == len(mine):
            print("%s: libpcap reads %d of tshark's %d frames (as tcpdump): those compared" % (name, len(mine), len(rows)))
            rows = rows[:len(mine)]
    if len(rows) != len(mine):
        print("%s: frame counts differ: tapscope %d, tshark %d" % (name, len(mine), len(rows)))
        totals["failed"] += 1
        return
    checked = diffs = exc = 0
    for fr, row in zip(mine, rows):
        num = fr["frame"]
        pairs = [("protocols", ",".join(fr.get("protocols", [])), norm_protos(row[0]))]
        fields = fr.get("fields", {})
        # where tshark decodes a layer tapscope does not (http, ospf...), tapscope's data.* is its
        # rendering of those bytes, not a value tshark has: not compared
        beyond = any(w not in PROTOS and w not in PSEUDO for w in row[0].split(":") if w)
        for i, n in enumerate(names):
            if beyond and n.startswith("data."):
                continue
            v = fields.get(n)
            a = [] if v is None else (v if isinstance(v, list) else [v])
            b = row[i + 1].split(AGG) if i + 1 < len(row) and row[i + 1] != "" else []
            if not a and not b:
                continue
            b = [norm(x) for x in b]
            if beyond and len(b) > len(a):
                b = b[:len(a)]	# the later occurrences sit inside a layer tapscope shows as data
            pairs.append((n, [norm(x) for x in a], b))
        for field, a, b in pairs:
            checked += 1
            if a == b:
                continue
            if excused(ex, name, num, field):
                exc += 1
                continue
            diffs += 1
            if totals["shown"] < show:
                totals["shown"] += 1
                print("%s frame %d: %s: tapscope %s tshark %s" % (name, num, field, a, b))
    print("--- %s: %d frames, %d values, %d differ, %d excused" % (name, len(mine), checked, diffs, exc))
    totals["checked"] += checked
    totals["diffs"] += diffs
    totals["excused"] += exc


def main():
    argv = sys.argv[1:]
    exfile, show = None, 50
    while argv and argv[0].startswith("--"):
        if argv[0] == "--exceptions":
            exfile = argv[1]
            argv = argv[2:]
        elif argv[0] == "--show":
            show = int(argv[1])
            argv = argv[2:]
        else:
            sys.exit("unknown option " + argv[0])
    if len(argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    tapscope, caps = argv[0], argv[1:]
    known = wireshark_fields()
    ex = load_exceptions(exfile)
    totals = {"checked": 0, "diffs": 0, "excused": 0, "failed": 0, "shown": 0}
    for cap in caps:
        compare(tapscope, cap, known, ex, show, totals)
    c, d, e = totals["checked"], totals["diffs"], totals["excused"]
    pct = 100.0 * (c - d) / c if c else 0.0
    strict = 100.0 * (c - d - e) / c if c else 0.0
    print("AGREEMENT %.2f%% of %d values (%d differ, %d excused by %s; %.2f%% with the excused counted as "
          "differing), %d files failed" % (pct, c, d, e, os.path.basename(exfile or "-"), strict, totals["failed"]))
    sys.exit(0 if c and pct >= GOAL and not totals["failed"] else 1)


if __name__ == "__main__":
    main()
