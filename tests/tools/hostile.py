#!/usr/bin/env python3
"""hostile.py — valid and invalid requests sent from the kernel's side of a tap or tun (AF_PACKET), then
checks tapscope's -v output: only the valid ones answered, every refusal with its reason.

usage: hostile.py send-tap OUTFILE   (in the namespace; tap0 has 10.18.0.1/24 and fd00::1/64)
       hostile.py send-tun-pi OUTFILE (tun0 with --pi, 10.18.0.1/24)
It waits for tapscope's verdict on each case in OUTFILE (tapscope --echo --print -v) and exits 1 naming
the first case that went wrong."""
import re
import socket
import struct
import sys
import time


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(a):
    return socket.inet_pton(socket.AF_INET, a)


def ip6(a):
    return socket.inet_pton(socket.AF_INET6, a)


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def peer_mac4(a):
    return b"\x02\x00" + ip4(a)


def peer_mac6(a):
    return b"\x02\x06" + ip6(a)[12:]


def ipv4(src, dst, payload, ttl=64, proto=1, options=b"", frag=0, bad_csum=False, total=None):
    ihl = 5 + len(options) // 4
    tl = total if total is not None else 4 * ihl + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, tl, 0x1234, frag, ttl, proto, 0, ip4(src), ip4(dst)) + options
    c = csum(h) ^ (0xFFFF if bad_csum else 0)
    return h[:10] + struct.pack("!H", c) + h[12:] + payload


def icmp_echo(ident, seq=1, bad_csum=False, v6=None):
    body = struct.pack("!BBHHH", 128 if v6 else 8, 0, 0, ident, seq) + b"hostile-peer-test-data!!"
    if v6:
        src, dst = v6
        pseudo = ip6(src) + ip6(dst) + struct.pack("!I3xB", len(body), 58)
        c = csum(pseudo + body)
    else:
        c = csum(body)
    c ^= 0xFFFF if bad_csum else 0
    return body[:2] + struct.pack("!H", c) + body[4:]


def ipv6(src, dst, payload, hlim=64, nxt=58):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nxt, hlim, ip6(src), ip6(dst)) + payload


def ns(src, target, dst=None, hlim=255, sllao=None):
    dst = dst or "ff02::1:ff" + "%02x:%02x%02x" % tuple(ip6(target)[13:16])
    body = struct.pack("!BBHI16s", 135, 0, 0, 0, ip6(target))
    if sllao:
        body += struct.pack("!BB6s", 1, 1, sllao)
    pseudo = ip6(src) + ip6(dst) + struct.pack("!I3xB", len(body), 58)
    body = body[:2] + struct.pack("!H", csum(pseudo + body)) + body[4:]
    return ipv6(src, dst, body, hlim=hlim), dst


def solicited_mac(dst):
    return b"\x33\x33" + ip6(dst)[12:]


def arp(sha, spa, tpa, op=1):
    return struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, op, sha, ip4(spa), b"\0" * 6, ip4(tpa))


def eth(dst, src, etype, payload):
    return dst + src + struct.pack("!H", etype) + payload


BCAST = b"\xff" * 6


def tap_cases(kmac):
    P3 = peer_mac4("10.18.0.3")
    me = "10.18.0.1"
    ok = None
    c = []

    def echo(name, want, ident, src=me, dst="10.18.0.3", dmac=P3, **kw):
        icmp_kw = {"bad_csum": kw.pop("icmp_bad", False)}
        pkt = ipv4(src, dst, icmp_echo(ident, **icmp_kw), **kw)
        c.append((name, want, "id %d," % ident, eth(dmac, kmac, 0x0800, pkt)))

    echo("valid echo request", ok, 1001)
    echo("bad IPv4 header checksum", "bad IPv4 header checksum", 1002, bad_csum=True)
    echo("bad ICMP checksum", "bad ICMP checksum", 1003, icmp_bad=True)
    echo("TTL 0", "TTL/hop limit 0", 1004, ttl=0)
    echo("multicast source", "the source is not a unicast address", 1005, src="224.0.0.9")
    echo("broadcast source", "the source is not a unicast address", 1006, src="10.18.0.255")
    echo("broadcast destination", "not for a simulated peer", 1007, dst="10.18.0.255", dmac=BCAST)
    echo("multicast destination", "not for a simulated peer", 1008, dst="224.0.0.1", dmac=mac("01:00:5e:00:00:01"))
    echo("invalid IPv4 options", "invalid IPv4 options", 1009, options=b"\x07\x0c\x04\x00")
    echo("valid IPv4 options", ok, 1010, options=b"\x01\x01\x01\x00")
    echo("fragment", "a fragment", 1013, frag=0x2000)
    echo("broadcast MAC to a unicast peer", "not addressed to the peer", 1014, dmac=BCAST)
    # cut: the IP header says more than the frame holds
    pkt = ipv4(me, "10.18.0.3", icmp_echo(1012), total=120)
    c.append(("IP total length past the frame", "truncated", "id 1012,", eth(P3, kmac, 0x0800, pkt)))
    c.append(("a 15-byte IPv4 header", "-", None, eth(P3, kmac, 0x0800, ipv4(me, "10.18.0.3", b"")[:15])))

    def arpcase(name, want, tpa, sha=kmac, spa=me, srcmac=kmac, dmac=BCAST):
        c.append((name, want, "who-has %s tell" % tpa, eth(dmac, srcmac, 0x0806, arp(sha, spa, tpa))))

    arpcase("valid ARP request", ok, "10.18.0.60")
    arpcase("ARP from a multicast MAC", "invalid ARP request", "10.18.0.61", sha=mac("01:00:5e:00:00:09"),
            srcmac=mac("01:00:5e:00:00:09"))
    arpcase("ARP probe (sender 0.0.0.0)", "duplicate address detection", "10.18.0.62", spa="0.0.0.0")
    arpcase("gratuitous ARP", "gratuitous ARP", "10.18.0.63", spa="10.18.0.63")
    arpcase("ARP to another MAC", "not addressed to the peer", "10.18.0.64", dmac=mac("02:00:0a:12:00:99"))

    def nscase(name, want, src, target, **kw):
        pkt, dst = ns(src, target, sllao=None if src == "::" else kmac, **kw)
        c.append((name, want, "who has %s," % target, eth(solicited_mac(dst), kmac, 0x86DD, pkt)))

    nscase("valid neighbour solicitation", ok, "fd00::1", "fd00::70")
    nscase("DAD solicitation for a peer", "duplicate address detection", "::", "fd00::71")
    nscase("NS with hop limit 64", "invalid neighbour solicitation", "fd00::1", "fd00::72", hlim=64)
    nscase("NS from a multicast source", "the source is not a unicast address", "ff02::1", "fd00::73")

    def echo6(name, want, ident, hlim=64, bad=False):
        pkt = ipv6("fd00::1", "fd00::3", icmp_echo(ident, bad_csum=bad, v6=("fd00::1", "fd00::3")), hlim=hlim)
        c.append((name, want, "id %d," % ident, eth(peer_mac6("fd00::3"), kmac, 0x86DD, pkt)))

    echo6("valid ICMPv6 echo request", ok, 2001)
    echo6("ICMPv6 hop limit 0", "TTL/hop limit 0", 2002, hlim=0)
    echo6("bad ICMPv6 checksum", "bad ICMP checksum", 2003, bad=True)
    return c


def tun_pi_cases():
    ok = None
    good = ipv4("10.18.0.1", "10.18.0.3", icmp_echo(3001))
    lying = ipv4("10.18.0.1", "10.18.0.3", icmp_echo(3002))
    return [("IPv4 in a PI header saying IPv4", ok, "id 3001,", (0x0800, good)),
            ("IPv4 in a PI header saying IPv6 (decoded as the kernel reads it: IPv6)", "the PI header's protocol does not match",
             "IP6 version error: 4 != 6", (0x86DD, lying))]


def verdicts(path, key):
    """What tapscope did with the frame whose summary contains key: answered, a reason, or None (not seen)."""
    lines = open(path, errors="replace").read().splitlines()
    for i, line in enumerate(lines):
        if " < " not in line or key not in line:
            continue
        for nxt in lines[i + 1:]:
            if re.match(r"^\S", nxt):
                break
            m = re.match(r"^    not answered: (.*)", nxt)
            if m:
                return m.group(1)
        return "answered"
    return None


def replied(path, key):
    """Whether tapscope wrote the answer to the request whose summary contains key."""
    if key.startswith("id "):
        want = "echo reply, " + key
    elif key.startswith("who-has "):
        want = "Reply %s is-at" % key.split()[1]
    elif key.startswith("who has "):
        want = "neighbor advertisement, tgt is %s" % key.split()[2].rstrip(",")
    else:
        return False	# no reply of its own to look for: the caller counts the kernel's InEchoReps
    return any(" > " in l and want in l for l in open(path, errors="replace"))


def main():
    mode, out = sys.argv[1], sys.argv[2]
    if mode == "send-tap":
        kmac = mac(open("/sys/class/net/tap0/address").read().strip())
        cases = tap_cases(kmac)
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        s.bind(("tap0", 0))
        for _, _, _, frame in cases:
            s.send(frame)
            time.sleep(0.02)
    else:
        cases = tun_pi_cases()
        for _, _, _, (proto, pkt) in cases:
            s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(proto))
            s.bind(("tun0", proto))
            s.sendto(pkt, ("tun0", proto))
            s.close()
            time.sleep(0.02)
    time.sleep(1.0)
    bad = 0
    for name, want, key, _ in cases:
        if key is None:
            continue
        got = verdicts(out, key)
        if got is None:
            print("FAIL %s: tapscope never showed it" % name)
            bad += 1
        elif want is None and (got != "answered" or not replied(out, key)):
            print("FAIL %s: not answered (%s)" % (name, got))
            bad += 1
        elif want is not None and replied(out, key):
            print("FAIL %s: answered, wanted 'not answered: %s'" % (name, want))
            bad += 1
        elif want is not None and (got == "answered" or want not in got):
            print("FAIL %s: wanted 'not answered: %s', got %s" % (name, want, got))
            bad += 1
        else:
            print("ok   %s: %s" % (name, got))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
