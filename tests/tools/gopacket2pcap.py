#!/usr/bin/env python3
"""gopacket2pcap.py — turns the packets gopacket's layer tests hold as Go byte literals into pcaps.

gopacket (Debian: golang-github-google-gopacket-dev) keeps its test packets in *_test.go files
as `var testPacketX = []byte{0x.., ...}` and decodes each with
`gopacket.NewPacket(testPacketX, LinkTypeY, ...)`. Most come from real captures (the comment above
them is tcpdump's line). This writes one pcap per (test file, link type): DIR/NAME-LINKTYPE.pcap.

usage: gopacket2pcap.py LAYERS_DIR OUT_DIR
"""
import os
import re
import struct
import sys

# gopacket's LinkType names -> DLT numbers (pcap/dlt.h)
LINKTYPES = {
    "LinkTypeNull": 0, "LinkTypeEthernet": 1, "LinkTypePPP": 9, "LinkTypeRaw": 101,
    "LinkTypeLoop": 108, "LinkTypeLinuxSLL": 113, "LinkTypeIEEE80211Radio": 127,
    "LinkTypePrismHeader": 119, "LinkTypeLinuxUSB": 189, "LinkTypePFLog": 117,
    "LinkTypeIPv4": 228, "LinkTypeIPv6": 229,
}

VAR_RE = re.compile(r"var\s+(\w+)\s*=\s*\[\]byte\s*\{(.*?)\}", re.S)
CALL_RE = re.compile(r"NewPacket\(\s*(\w+)\s*,\s*(LinkType\w+)")
BYTE_RE = re.compile(r"0x([0-9a-fA-F]{1,2})|\b(\d{1,3})\b")


def packets(src):
    """(name, bytes) for every []byte literal, in file order; comments are dropped first."""
    src = re.sub(r"//[^\n]*", "", src)
    for m in VAR_RE.finditer(src):
        body = m.group(2)
        data = bytes(int(h, 16) if h else int(d) for h, d in BYTE_RE.findall(body))
        if data:
            yield m.group(1), data


def write_pcap(path, dlt, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, dlt))
        for i, data in enumerate(frames):
            f.write(struct.pack("<IIII", 1500000000 + i, 0, len(data), len(data)))
            f.write(data)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    layers, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    total = 0
    for fn in sorted(os.listdir(layers)):
        if not fn.endswith("_test.go"):
            continue
        with open(os.path.join(layers, fn), encoding="utf-8", errors="replace") as f:
            src = f.read()
        linktype = {}
        for name, lt in CALL_RE.findall(src):
            linktype.setdefault(name, lt)
        groups = {}
        for name, data in packets(src):
            lt = linktype.get(name)
            if lt in LINKTYPES:
                groups.setdefault(lt, []).append(data)
        for lt, frames in sorted(groups.items()):
            base = fn[:-len("_test.go")]
            write_pcap(os.path.join(out, "%s-%s.pcap" % (base, lt[8:].lower())), LINKTYPES[lt], frames)
            total += len(frames)
    print("gopacket2pcap: %d frames" % total)


if __name__ == "__main__":
    main()
