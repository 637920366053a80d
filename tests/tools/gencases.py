#!/usr/bin/env python3
"""gencases.py — authoring aid: writes the one-case golden pcaps of tests/golden/ (link types,
tunnels, fidelity cases). Not run by the tests: the pcaps in the repository are the cases. Run it
to (re)write them, then review with tcpdump -nr, tshark -V and git diff before committing.

usage: gencases.py DIR [NAME...]
"""
import os
import struct
import sys

TS0 = 1700000000


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ip4a(s):
    return bytes(int(x) for x in s.split("."))


def ip6a(s):
    import socket
    return socket.inet_pton(socket.AF_INET6, s)


MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000003")
A4, B4, C4, D4 = ip4a("10.18.0.1"), ip4a("10.18.0.3"), ip4a("192.0.2.1"), ip4a("192.0.2.2")
A6, B6, C6, D6 = ip6a("fd00::1"), ip6a("fd00::3"), ip6a("2001:db8::1"), ip6a("2001:db8::2")


def eth(payload, etype, dst=MAC_B, src=MAC_A, pad=True):
    f = dst + src + struct.pack("!H", etype) + payload
    if pad and len(f) < 60:
        f += b"\0" * (60 - len(f))
    return f


def ip4(payload, proto, src=A4, dst=B4, ttl=64, ident=0x1234, flags=0x4000, tot=None):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot if tot is not None else 20 + len(payload), ident, flags,
                    ttl, proto, 0, src, dst)
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def ip6(payload, nxt, src=A6, dst=B6, hlim=64, plen=None, ver=6):
    return struct.pack("!IHBB", ver << 28, len(payload) if plen is None else plen, nxt, hlim) + src + dst + payload


def l4sum(proto, src, dst, seg, off):
    if len(src) == 4:
        ph = src + dst + struct.pack("!BBH", 0, proto, len(seg))
    else:
        ph = src + dst + struct.pack("!IxxxB", len(seg), proto)
    s = csum(ph + seg[:off] + b"\0\0" + seg[off + 2:])
    if proto == 17 and s == 0:
        s = 0xffff
    return seg[:off] + struct.pack("!H", s) + seg[off + 2:]


def udp(payload, sport, dport, src=A4, dst=B4, ulen=None):
    seg = struct.pack("!HHHH", sport, dport, ulen if ulen is not None else 8 + len(payload), 0) + payload
    return l4sum(17, src, dst, seg, 6)


def tcp(payload, sport, dport, seq, ack, flags, src=A4, dst=B4, opts=b"", win=64240):
    hl = 20 + len(opts)
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (hl // 4) << 4, flags, win, 0, 0) + opts + payload
    return l4sum(6, src, dst, seg, 16)


def icmp(typ, code, body):
    m = struct.pack("!BBH", typ, code, 0) + body
    return m[:2] + struct.pack("!H", csum(m)) + m[4:]


def echo(typ=8, ident=7, seq=1, data=bytes(range(0x10, 0x30))):
    return icmp(typ, 0, struct.pack("!HH", ident, seq) + data)


def dnsname(n):
    out = b""
    for label in n.split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def dnsq(ident, flags, name, qtype, an=b"", ancount=0, ar=b"", arcount=0):
    return struct.pack("!HHHHHH", ident, flags, 1, ancount, 0, arcount) + dnsname(name) + \
        struct.pack("!HH", qtype, 1) + an + ar


def rr(name, rtype, rdata, ttl=300, cls=1):
    return dnsname(name) + struct.pack("!HHIH", rtype, cls, ttl, len(rdata)) + rdata


class Pcap:
    def __init__(self, path, dlt, snap=65535):
        self.f = open(path, "wb")
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snap, dlt))
        self.n = 0

    def add(self, data, caplen=None, sec=None, usec=None, wire=None):
        cap = data[:caplen] if caplen is not None else data
        sec = TS0 + self.n if sec is None else sec
        usec = 1000 * self.n + 7 if usec is None else usec
        self.f.write(struct.pack("<IIII", sec, usec, len(cap), wire if wire else len(data)) + cap)
        self.n += 1

    def close(self):
        self.f.close()


class Pcapng:
    """A little-endian pcapng writer: one section, one interface; packets may carry epb_flags."""

    def __init__(self, path, dlt, ifname=b"tap0"):
        self.f = open(path, "wb")
        self.block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
        self.block(1, struct.pack("<HHI", dlt, 0, 65535) + self.opt(2, ifname) + self.opt(0, b""))
        self.n = 0

    @staticmethod
    def opt(code, val):
        return struct.pack("<HH", code, len(val)) + val + b"\0" * (-len(val) % 4)

    def block(self, btype, body):
        n = 12 + len(body)
        self.f.write(struct.pack("<II", btype, n) + body + struct.pack("<I", n))

    def add(self, data, flags=None):
        ts = (TS0 + self.n) * 1000000 + 1000 * self.n + 7
        body = struct.pack("<IIIII", 0, ts >> 32, ts & 0xffffffff, len(data), len(data)) + data + \
            b"\0" * (-len(data) % 4)
        if flags is not None:
            body += self.opt(2, struct.pack("<I", flags)) + self.opt(0, b"")
        self.block(6, body)
        self.n += 1

    def close(self):
        self.f.close()


CASES = {}


def case(fn):
    CASES[fn.__name__.replace("_", "-")] = fn
    return fn


# ---- link types ----
@case
def null_af(p):
    """DLT_NULL in both byte orders: AF_INET, and AF_INET6 as NetBSD (24), FreeBSD (28), macOS (30); an unknown AF"""
    w = Pcap(p, 0)
    v4 = ip4(echo(), 1)
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 7, 1) + b"abcd"), 58)
    v6 = v6[:40] + l4sum(58, A6, B6, v6[40:], 2)
    w.add(struct.pack("<I", 2) + v4)
    w.add(struct.pack(">I", 2) + v4)
    w.add(struct.pack("<I", 24) + v6)
    w.add(struct.pack(">I", 28) + v6)
    w.add(struct.pack("<I", 30) + v6)
    w.add(struct.pack("<I", 99) + b"\x01\x02\x03\x04")
    w.close()


@case
def loop(p):
    """DLT_LOOP (OpenBSD): the family in network byte order"""
    w = Pcap(p, 108)
    w.add(struct.pack(">I", 2) + ip4(echo(), 1))
    v6 = ip6(icmp(129, 0, struct.pack("!HH", 7, 1) + b"abcd"), 58)
    w.add(struct.pack(">I", 24) + v6[:40] + l4sum(58, A6, B6, v6[40:], 2))
    w.close()


@case
def ppp(p):
    """DLT_PPP: address/control present and absent, a compressed protocol field, IPv6, LCP, an unknown protocol"""
    w = Pcap(p, 9)
    v4 = ip4(echo(), 1)
    w.add(b"\xff\x03\x00\x21" + v4)
    w.add(b"\x00\x21" + v4)
    w.add(b"\x21" + v4)
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 7, 1)), 58)
    w.add(b"\xff\x03\x00\x57" + v6[:40] + l4sum(58, A6, B6, v6[40:], 2))
    w.add(b"\xff\x03\xc0\x21" + b"\x01\x01\x00\x0e\x01\x04\x05\xdc\x05\x06\x12\x34\x56\x78")
    w.add(b"\xff\x03\x12\x34" + b"\x00" * 8)
    w.close()


@case
def ppp_serial(p):
    """DLT_PPP_SERIAL (PPP in HDLC-like framing, RFC 1662)"""
    w = Pcap(p, 50)
    w.add(b"\xff\x03\x00\x21" + ip4(echo(), 1))
    w.close()


@case
def rawip4(p):
    """DLT_IPV4 (228): an IPv4 packet with no link header"""
    w = Pcap(p, 228)
    w.add(ip4(echo(), 1))
    w.close()


@case
def rawip6(p):
    """DLT_IPV6 (229): an IPv6 packet with no link header"""
    w = Pcap(p, 229)
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 7, 1)), 58)
    w.add(v6[:40] + l4sum(58, A6, B6, v6[40:], 2))
    w.close()


# ---- tunnels ----
def gre(payload, proto, key=None, seq=None, csum_on=False, ver=0, ack=None, call=None):
    fl = ver
    opt = b""
    if csum_on:
        fl |= 0x8000
    if key is not None or call is not None:
        fl |= 0x2000
    if seq is not None:
        fl |= 0x1000
    if ack is not None:
        fl |= 0x0080
    if csum_on:
        opt += b"\0\0\0\0"
    if call is not None:
        opt += struct.pack("!HH", len(payload), call)
    elif key is not None:
        opt += struct.pack("!I", key)
    if seq is not None:
        opt += struct.pack("!I", seq)
    if ack is not None:
        opt += struct.pack("!I", ack)
    h = struct.pack("!HH", fl, proto) + opt
    m = h + payload
    if csum_on:
        m = m[:4] + struct.pack("!H", csum(m)) + m[6:]
    return m


INNER4 = ip4(echo(), 1, src=ip4a("172.16.1.1"), dst=ip4a("172.16.2.1"))


@case
def gre_opts(p):
    """GRE: plain; key and sequence number; checksum (good, then bad); unknown protocol type"""
    w = Pcap(p, 1)
    w.add(eth(ip4(gre(INNER4, 0x0800), 47, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(gre(INNER4, 0x0800, key=0x1001, seq=5), 47, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(gre(INNER4, 0x0800, csum_on=True), 47, src=C4, dst=D4), 0x0800))
    bad = bytearray(gre(INNER4, 0x0800, csum_on=True))
    bad[4] ^= 0x55
    w.add(eth(ip4(bytes(bad), 47, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(gre(b"\x01\x02\x03\x04", 0x9999), 47, src=C4, dst=D4), 0x0800))
    w.close()


@case
def gre_eth(p):
    """Ethernet over GRE (0x6558) with a key, and IPv6 over GRE over IPv6"""
    w = Pcap(p, 1)
    inner = eth(INNER4, 0x0800, dst=bytes.fromhex("0a0000000002"), src=bytes.fromhex("0a0000000001"), pad=False)
    w.add(eth(ip4(gre(inner, 0x6558, key=42), 47, src=C4, dst=D4), 0x0800))
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 9, 2)), 58, src=A6, dst=B6)
    v6 = v6[:40] + l4sum(58, A6, B6, v6[40:], 2)
    w.add(eth(ip6(gre(v6, 0x86dd), 47, src=C6, dst=D6), 0x86dd))
    w.close()


@case
def gre_pptp(p):
    """Enhanced GRE (version 1, PPTP): call id, sequence and acknowledgment, PPP inside"""
    w = Pcap(p, 1)
    pppf = b"\xff\x03\x00\x21" + INNER4
    w.add(eth(ip4(gre(pppf, 0x880b, ver=1, call=6, seq=1, ack=0), 47, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(gre(b"", 0x880b, ver=1, call=6, ack=1), 47, src=D4, dst=C4), 0x0800))
    w.close()


@case
def erspan(p):
    """ERSPAN type II (GRE with a sequence number) and type I (without)"""
    w = Pcap(p, 1)
    mirrored = eth(INNER4, 0x0800, dst=bytes.fromhex("0a0000000002"), src=bytes.fromhex("0a0000000001"), pad=False)
    hdr2 = struct.pack("!HHI", 0x1000 | 10, (3 << 13) | (1 << 11) | 7, 0x00005)
    w.add(eth(ip4(gre(hdr2 + mirrored, 0x88be, seq=3), 47, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(gre(mirrored, 0x88be), 47, src=C4, dst=D4), 0x0800))
    w.close()


@case
def vxlan(p):
    """VXLAN (UDP 4789) carrying an Ethernet frame with ARP; a VXLAN header cut by the capture"""
    w = Pcap(p, 1)
    arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + bytes.fromhex("0a0000000001") + ip4a("172.16.1.1") + \
        b"\0" * 6 + ip4a("172.16.1.2")
    inner = eth(arp, 0x0806, dst=b"\xff" * 6, src=bytes.fromhex("0a0000000001"))
    vx = struct.pack("!HHI", 0x0800, 0, 5000 << 8) + inner
    w.add(eth(ip4(udp(vx, 40000, 4789, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    f = eth(ip4(udp(vx, 40001, 4789, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800)
    w.add(f, caplen=14 + 20 + 8 + 5)
    w.close()


@case
def geneve(p):
    """Geneve (UDP 6081): an option (class 0x0102 type 0x80, 4 bytes), the OAM flag, IPv4 payload"""
    w = Pcap(p, 1)
    inner = eth(INNER4, 0x0800, dst=bytes.fromhex("0a0000000002"), src=bytes.fromhex("0a0000000001"), pad=False)
    opt = struct.pack("!HBB", 0x0102, 0x80, 1) + b"\xde\xad\xbe\xef"
    g = struct.pack("!BBHI", len(opt) // 4, 0x40, 0x6558, 77 << 8) + opt + inner
    w.add(eth(ip4(udp(g, 40000, 6081, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    g = struct.pack("!BBHI", 0, 0x80, 0x0800, 78 << 8) + INNER4
    w.add(eth(ip4(udp(g, 40000, 6081, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    w.close()


@case
def ipip(p):
    """IP-in-IP (4), 6in4 (41), 4in6 (IPv6 next header 4), IPv6-in-IPv6"""
    w = Pcap(p, 1)
    w.add(eth(ip4(INNER4, 4, src=C4, dst=D4), 0x0800))
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 7, 1)), 58)
    v6 = v6[:40] + l4sum(58, A6, B6, v6[40:], 2)
    w.add(eth(ip4(v6, 41, src=C4, dst=D4), 0x0800))
    w.add(eth(ip6(INNER4, 4, src=C6, dst=D6), 0x86dd))
    w.add(eth(ip6(v6, 41, src=C6, dst=D6), 0x86dd))
    w.close()


@case
def mpls(p):
    """MPLS: a two-label stack over IPv4, the IPv6 explicit-null label, a payload that is neither"""
    w = Pcap(p, 1)
    lab = lambda label, s, ttl, tc=0: struct.pack("!I", label << 12 | tc << 9 | s << 8 | ttl)
    w.add(eth(lab(100, 0, 64, 5) + lab(200, 1, 63) + INNER4, 0x8847))
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 7, 1)), 58)
    v6 = v6[:40] + l4sum(58, A6, B6, v6[40:], 2)
    w.add(eth(lab(2, 1, 64) + v6, 0x8847))
    w.add(eth(lab(300, 1, 64) + b"\xff\x01\x02\x03" * 8, 0x8847))
    w.close()


@case
def pppoe(p):
    """PPPoE: a discovery PADI and a session frame carrying IPv4"""
    w = Pcap(p, 1)
    tags = b"\x01\x01\x00\x03isp" + b"\x01\x03\x00\x04\x12\x34\x56\x78"
    w.add(eth(struct.pack("!BBHH", 0x11, 0x09, 0, len(tags)) + tags, 0x8863, dst=b"\xff" * 6))
    w.add(eth(struct.pack("!BBHH", 0x11, 0, 0x1234, 2 + len(INNER4)) + b"\x00\x21" + INNER4, 0x8864))
    w.close()


@case
def pcapng_dir(p):
    """pcapng with directions: an inbound frame ('<'), an outbound one ('>'), one without epb_flags ('-')"""
    w = Pcapng(p.replace(".pcap", ".pcapng"), 1)
    w.add(eth(ip4(echo(), 1), 0x0800), flags=1)
    w.add(eth(ip4(echo(0), 1, src=B4, dst=A4), 0x0800, dst=MAC_A, src=MAC_B), flags=2)
    w.add(eth(ip4(echo(), 1), 0x0800))
    w.close()


# ---- fidelity ----
@case
def trunc_fields(p):
    """Headers cut by the capture show every field that fits (IPv6 at 30 and 47 bytes, UDP at 4, TCP at 14, ICMP at 3, ARP at 7)"""
    w = Pcap(p, 1)
    v6 = eth(ip6(udp(b"hello", 40000, 9, src=A6, dst=B6), 17), 0x86dd)
    w.add(v6, caplen=14 + 30)
    w.add(v6, caplen=14 + 47)
    u = eth(ip4(udp(b"hello", 40000, 9), 17), 0x0800)
    w.add(u, caplen=14 + 20 + 4)
    t = eth(ip4(tcp(b"", 40000, 80, 1000, 0, 0x02), 6), 0x0800)
    w.add(t, caplen=14 + 20 + 14)
    w.add(eth(ip4(echo(), 1), 0x0800), caplen=14 + 20 + 3)
    arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + MAC_A + A4 + b"\0" * 6 + B4
    w.add(eth(arp, 0x0806, dst=b"\xff" * 6), caplen=14 + 7)
    w.close()


@case
def icmp_err_dns(p):
    """ICMP port unreachable quoting a whole DNS query, the start of one, and only its UDP header: DNS as far as the quote goes, as tshark"""
    w = Pcap(p, 1)
    q = ip4(udp(dnsq(0x4242, 0x0100, "example.com", 1), 40000, 53, src=A4, dst=B4), 17, src=A4, dst=B4)
    w.add(eth(ip4(icmp(3, 3, b"\0\0\0\0" + q), 1, src=B4, dst=A4), 0x0800))
    w.add(eth(ip4(icmp(3, 3, b"\0\0\0\0" + q[:20 + 8 + 6]), 1, src=B4, dst=A4), 0x0800))
    w.add(eth(ip4(icmp(3, 3, b"\0\0\0\0" + q[:20 + 8]), 1, src=B4, dst=A4), 0x0800))
    w.close()


@case
def dns_repeated(p):
    """A response with two A answers and two AAAA answers: --json keeps every value, in a list"""
    w = Pcap(p, 1)
    an = rr("example.com", 1, ip4a("192.0.2.10")) + rr("example.com", 1, ip4a("192.0.2.11")) + \
        rr("example.com", 28, ip6a("2001:db8::10")) + rr("example.com", 28, ip6a("2001:db8::11"))
    msg = dnsq(0x1111, 0x8180, "example.com", 255, an, 4)
    w.add(eth(ip4(udp(msg, 53, 40000, src=B4, dst=A4), 17, src=B4, dst=A4), 0x0800))
    w.close()


@case
def time_2038(p):
    """Timestamps at 2^31-1, 2^31 (past 2038) and 2^32-1 seconds (2106)"""
    w = Pcap(p, 1)
    for sec in (0x7fffffff, 0x80000000, 0xffffffff):
        w.add(eth(ip4(echo(), 1), 0x0800), sec=sec, usec=999999)
    w.close()


@case
def dhcp_trailer(p):
    """A DHCP discover whose Ethernet frame carries a 3-byte trailer after the UDP datagram (not in BOOTP's length)"""
    w = Pcap(p, 1)
    bootp = struct.pack("!BBBBIHH4s4s4s4s", 1, 1, 6, 0, 0x3d1d, 0, 0x8000, b"\0" * 4, b"\0" * 4, b"\0" * 4,
                        b"\0" * 4) + MAC_A + b"\0" * 10 + b"\0" * 192 + b"\x63\x82\x53\x63" + \
        b"\x35\x01\x01\xff" + b"\0" * 8
    f = eth(ip4(udp(bootp, 68, 67, src=ip4a("0.0.0.0"), dst=ip4a("255.255.255.255")), 17,
                src=ip4a("0.0.0.0"), dst=ip4a("255.255.255.255")), 0x0800, dst=b"\xff" * 6)
    w.add(f + b"\xaa\xbb\xcc")
    w.close()


@case
def arp_odd(p):
    """ARP: unknown hardware and protocol types, an unknown opcode, an 8-byte hardware address with IPv4, RARP"""
    w = Pcap(p, 1)
    body = lambda hw, pro, hl, pl, op, sha, spa, tha, tpa: struct.pack("!HHBBH", hw, pro, hl, pl, op) + sha + spa + tha + tpa
    w.add(eth(body(0x1234, 0x9999, 6, 4, 1, MAC_A, A4, b"\0" * 6, B4), 0x0806, dst=b"\xff" * 6))
    w.add(eth(body(1, 0x0800, 6, 4, 5, MAC_A, A4, b"\0" * 6, B4), 0x0806, dst=b"\xff" * 6))
    w.add(eth(body(16, 0x0800, 8, 4, 1, b"\x01" * 8, A4, b"\0" * 8, B4), 0x0806, dst=b"\xff" * 6))
    w.add(eth(body(1, 0x0800, 6, 4, 3, MAC_A, b"\0" * 4, MAC_A, b"\0" * 4), 0x8035, dst=b"\xff" * 6))
    w.add(eth(body(1, 0x0800, 6, 4, 4, MAC_B, B4, MAC_A, A4), 0x8035))
    w.close()


@case
def icmp_extecho(p):
    """ICMP extended echo (RFC 8335): a request probing an interface by name, and its reply"""
    w = Pcap(p, 1)
    name = b"eth0"
    obj = struct.pack("!HBB", 4 + len(name), 3, 1) + name      # Interface Identification Object, by name
    ext = struct.pack("!BBH", 0x20, 0, 0) + obj
    ext = ext[:2] + struct.pack("!H", csum(ext)) + ext[4:]
    w.add(eth(ip4(icmp(42, 0, struct.pack("!HBB", 7, 1, 1) + ext), 1), 0x0800))
    w.add(eth(ip4(icmp(43, 0, struct.pack("!HBB", 7, 1, (2 << 5) | 0x04 | 0x02)), 1, src=B4, dst=A4), 0x0800))
    w.close()


@case
def ipv6_jumbo_v0(p):
    """An IPv6 jumbogram of 70,000 bytes captured short (payload length 0, Jumbo Payload option, UDP length 0), and a version-0 header in an IPv6 frame"""
    w = Pcap(p, 1, snap=262144)
    data = struct.pack("!HHHH", 40000, 9, 0, 0) + b"j" * 100
    hbh = struct.pack("!BB", 17, 0) + struct.pack("!BBI", 0xc2, 4, 70000 - 40)
    w.add(eth(ip6(hbh + data, 0, plen=0), 0x86dd), wire=14 + 70000)
    w.add(eth(ip6(udp(b"v0", 40000, 9, src=A6, dst=B6), 17, ver=0), 0x86dd))
    w.close()


@case
def dns_tcp(p):
    """DNS over TCP: a query and its response, each after its 2-byte length"""
    w = Pcap(p, 1)
    q = dnsq(0x5151, 0x0100, "example.com", 1)
    w.add(eth(ip4(tcp(struct.pack("!H", len(q)) + q, 40000, 53, 1000, 2000, 0x18), 6), 0x0800))
    r = dnsq(0x5151, 0x8180, "example.com", 1, rr("example.com", 1, ip4a("192.0.2.10")), 1)
    w.add(eth(ip4(tcp(struct.pack("!H", len(r)) + r, 53, 40000, 2000, 1000 + 2 + len(q), 0x18, src=B4, dst=A4), 6,
                  src=B4, dst=A4), 0x0800))
    w.close()


@case
def dns_flags(p):
    """DNS AD and CD bits on queries and responses: tcpdump 4.99 marks CD (%) on queries only, AD ($) on responses only"""
    w = Pcap(p, 1)
    for fl in (0x0120, 0x0130, 0x0110):
        q = dnsq(0x6000 + fl, fl, "example.com", 1)
        w.add(eth(ip4(udp(q, 40000, 53), 17), 0x0800))
    for fl in (0x81a0, 0x81b0):
        r = dnsq(0x7000 + fl, fl, "example.com", 1, rr("example.com", 1, ip4a("192.0.2.10")), 1)
        w.add(eth(ip4(udp(r, 53, 40000, src=B4, dst=A4), 17, src=B4, dst=A4), 0x0800))
    w.close()


@case
def dns_types(p):
    """DNS types by name: SSHFP, URI, CAA, TLSA answers; an SSHFP query; an EDNS OPT record with a cookie"""
    w = Pcap(p, 1)
    an = rr("example.com", 44, b"\x04\x02" + bytes(range(32))) + \
        rr("_http._tcp.example.com", 256, struct.pack("!HH", 10, 1) + b"https://www.example.com/") + \
        rr("example.com", 257, b"\x00\x05issue" + b"ca.example.net") + \
        rr("_443._tcp.example.com", 52, b"\x03\x01\x01" + bytes(range(32)))
    opt = b"\x00" + struct.pack("!HHIH", 41, 1232, 0x00008000, 12) + struct.pack("!HH", 10, 8) + bytes(range(8))
    r = dnsq(0x2a2a, 0x8180, "example.com", 255, an, 4, opt, 1)
    w.add(eth(ip4(udp(r, 53, 40000, src=B4, dst=A4), 17, src=B4, dst=A4), 0x0800))
    w.add(eth(ip4(udp(dnsq(0x2a2b, 0x0100, "example.com", 44), 40000, 53), 17), 0x0800))
    w.close()


@case
def tcp_opts(p):
    """TCP option names: MSS, SACK permitted, timestamps, window scale, TFO cookie request and cookie, MD5, user timeout, an RFC 6994 experiment, an unknown one"""
    w = Pcap(p, 1)
    o1 = b"\x02\x04\x05\xb4\x04\x02\x08\x0a\x00\x00\x00\x01\x00\x00\x00\x00\x01\x03\x03\x07\x22\x02\x01\x01"
    w.add(eth(ip4(tcp(b"", 40000, 80, 1000, 0, 0x02, opts=o1), 6), 0x0800))
    o2 = b"\x22\x0a\x01\x02\x03\x04\x05\x06\x07\x08\x13\x12" + bytes(range(16)) + b"\x01\x01\x01\x01"
    w.add(eth(ip4(tcp(b"", 80, 40000, 5000, 1001, 0x12, src=B4, dst=A4, opts=o2), 6, src=B4, dst=A4), 0x0800))
    o3 = b"\x1c\x04\x80\x3c\xfe\x06\x12\x34\xab\xcd\x63\x04\x01\x02\x01\x01"
    w.add(eth(ip4(tcp(b"", 40000, 80, 1001, 5001, 0x10, opts=o3), 6), 0x0800))
    w.close()


def l2tp(flags, tunnel, session, body, ns=None, nr=None, offset=None, ver=2):
    """An L2TPv2 header (RFC 2661 3.1): the L bit makes a length, S the Ns/Nr, O an offset size"""
    h = b""
    if ns is not None:
        h += struct.pack("!HH", ns, nr)
    if offset is not None:
        h += struct.pack("!H", len(offset)) + offset
    h = struct.pack("!HH", tunnel, session) + h
    if flags & 0x4000:
        h = struct.pack("!H", 4 + len(h) + len(body)) + h
    return struct.pack("!H", flags | ver) + h + body


def avp(typ, val, m=1, vendor=0):
    return struct.pack("!HHH", m << 15 | (6 + len(val)), vendor, typ) + val


@case
def l2tp_data(p):
    """L2TPv2 data (UDP 1701): PPP with IPv4 inside; the O and P bits with an offset pad; LCP; IPv6"""
    w = Pcap(p, 1)
    ppp4 = b"\xff\x03\x00\x21" + INNER4
    w.add(eth(ip4(udp(l2tp(0, 1527, 8298, ppp4), 1701, 1701, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(udp(l2tp(0x0300, 18994, 54110, ppp4, offset=b"\0\0"), 1701, 1701, src=D4, dst=C4), 17,
                  src=D4, dst=C4), 0x0800))
    lcp = b"\xff\x03\xc0\x21" + struct.pack("!BBH", 9, 36, 8) + b"\x12\x34\x56\x78"
    w.add(eth(ip4(udp(l2tp(0x4800, 1527, 8298, lcp, ns=3, nr=4), 1701, 1701, src=C4, dst=D4), 17,
                  src=C4, dst=D4), 0x0800))
    v6 = ip6(icmp(128, 0, struct.pack("!HH", 7, 1)), 58)
    v6 = v6[:40] + l4sum(58, A6, B6, v6[40:], 2)
    w.add(eth(ip6(udp(l2tp(0, 1527, 8298, b"\xff\x03\x00\x57" + v6), 1701, 1701, src=C6, dst=D6), 17,
                  src=C6, dst=D6), 0x86dd))
    w.close()


@case
def l2tp_ctrl(p):
    """L2TPv2 control: SCCRQ with the usual AVPs (one hidden, three vendors', one of them hidden), a ZLB ack, a StopCCN
    with a result code and message, L2TPv3 control and data headers, an L2F one (not L2TP to
    Wireshark), a message cut by the capture"""
    w = Pcap(p, 1)
    avps = avp(0, struct.pack("!H", 1)) + avp(2, b"\x01\x00") + avp(3, struct.pack("!I", 3)) + \
        avp(4, struct.pack("!I", 2)) + avp(5, bytes.fromhex("0102030405060708"), m=0) + \
        avp(6, struct.pack("!H", 0x0680), m=0) + avp(7, b"lac") + avp(8, b"tapscope", m=0) + \
        avp(9, struct.pack("!H", 7)) + avp(10, struct.pack("!H", 4)) + \
        struct.pack("!HHH", 0xc000 | 10, 0, 11) + b"\xaa\xbb\xcc\xdd" + avp(99, b"\x01\x02", m=0, vendor=9) + \
        avp(31, b"\x03", m=0, vendor=5) + struct.pack("!HHH", 0xc000 | 8, 5, 16) + b"\x04\x05"
    msg = l2tp(0xc800, 0, 0, avps, ns=0, nr=0)
    w.add(eth(ip4(udp(msg, 1701, 1701, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(udp(l2tp(0xc800, 7, 0, b"", ns=1, nr=1), 1701, 1701, src=D4, dst=C4), 17, src=D4, dst=C4),
              0x0800))
    stop = avp(0, struct.pack("!H", 4)) + avp(9, struct.pack("!H", 7)) + \
        avp(1, struct.pack("!HH", 2, 6) + b"bye") + avp(14, struct.pack("!H", 3)) + \
        avp(15, struct.pack("!I", 42)) + avp(18, struct.pack("!I", 1)) + avp(19, struct.pack("!I", 2)) + \
        avp(21, b"5551234") + avp(24, struct.pack("!I", 100000)) + avp(39, b"")
    w.add(eth(ip4(udp(l2tp(0xc800, 7, 0, stop, ns=1, nr=2), 1701, 1701, src=C4, dst=D4), 17,
                  src=C4, dst=D4), 0x0800))
    v3 = struct.pack("!HHIHH", 0xc803, 12 + 8, 0x01020304, 0, 0) + avp(0, struct.pack("!H", 6))
    w.add(eth(ip4(udp(v3, 1701, 1701, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    v3 = struct.pack("!HHI", 0x0003, 0, 0x11223344) + b"\x01\x02\x03\x04"
    w.add(eth(ip4(udp(v3, 1701, 1701, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    l2f = struct.pack("!HHH", 0x0001, 5, 6) + b"\x01\x02\x03\x04"
    w.add(eth(ip4(udp(l2f, 1701, 1701, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800))
    f = eth(ip4(udp(msg, 1701, 1701, src=C4, dst=D4), 17, src=C4, dst=D4), 0x0800)
    w.add(f, caplen=14 + 20 + 8 + 12 + 8 + 3)
    w.close()


def ah_hdr(nxt, payload, spi=0x101, seq=1, icv=bytes.fromhex("253301b1a20bb6f1bdbf9d9e")):
    return struct.pack("!BBHII", nxt, (12 + len(icv)) // 4 - 2, 0, spi, seq) + icv + payload


@case
def ah(p):
    """IPsec AH (IP protocol 51): ICMP echo, IP-in-IP, UDP after it; AH in IPv6 before ICMPv6; a
    length of 0 (no ICV: the next header starts inside the sequence number); an ICV cut by the capture"""
    w = Pcap(p, 1)
    w.add(eth(ip4(ah_hdr(1, echo()), 51, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(ah_hdr(4, INNER4, spi=0x102, seq=2), 51, src=C4, dst=D4), 0x0800))
    u = udp(b"hello", 40000, 40001, src=C4, dst=D4)
    w.add(eth(ip4(ah_hdr(17, u, seq=3), 51, src=C4, dst=D4), 0x0800))
    e6 = icmp(128, 0, struct.pack("!HH", 7, 1))
    e6 = l4sum(58, C6, D6, e6, 2)
    w.add(eth(ip6(ah_hdr(58, e6, seq=4), 51, src=C6, dst=D6), 0x86dd))
    w.add(eth(ip4(struct.pack("!BBHII", 1, 0, 0, 0x101, 5) + echo(), 51, src=C4, dst=D4), 0x0800))
    w.add(eth(ip4(ah_hdr(1, echo(), seq=6), 51, src=C4, dst=D4), 0x0800), caplen=14 + 20 + 16)
    w.close()

@case
def http(p):
    """HTTP on TCP 80 and 8080 as tcpdump prints it: a request, a response, a body's continuation,
    a request the capture cuts inside its first line, a payload that is not text; and a payload
    on another port cut by the capture (no mark on the line)"""
    w = Pcap(p, 1)
    req = b"GET /download.html HTTP/1.1\r\nHost: www.example.org\r\nUser-Agent: tapscope\r\n\r\n"
    w.add(eth(ip4(tcp(req, 40000, 80, 1000, 5000, 0x18), 6), 0x0800))
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\n<html>hello</html>\r\n"
    w.add(eth(ip4(tcp(resp, 8080, 40001, 5000, 1000, 0x18, src=B4, dst=A4), 6, src=B4, dst=A4), 0x0800))
    w.add(eth(ip4(tcp(b"more of the body, no request line\r\n", 80, 40000, 5100, 1100, 0x10, src=B4, dst=A4),
                  6, src=B4, dst=A4), 0x0800))
    w.add(eth(ip4(tcp(req, 40000, 80, 1100, 5100, 0x18), 6), 0x0800), caplen=14 + 20 + 20 + 10)
    w.add(eth(ip4(tcp(b"POST /x HTTP/1.1\r\n\x01\x02", 40000, 80, 1200, 5200, 0x18), 6), 0x0800))
    w.add(eth(ip4(tcp(b"post  /y HTTP/1.0\nrest", 40002, 8080, 1, 1, 0x18), 6), 0x0800))
    w.add(eth(ip4(tcp(bytes(range(200)), 40000, 8443, 1300, 5300, 0x18), 6), 0x0800), caplen=14 + 20 + 20 + 16)
    w.close()

@case
def short_msgs(p):
    """Messages shorter than their own header, whole in the capture: DNS of 5 bytes (tcpdump's
    "domain [length 5 < 12] (invalid)"), an IPv4 header length of 16, and one of 60 with a total
    length of 30 and the capture ending inside the header (tcpdump's "IP bad-len 30")"""
    w = Pcap(p, 1)
    w.add(eth(ip4(udp(b"\x01\x02\x03\x04\x05", 40000, 53), 17), 0x0800))
    w.add(eth(ip4(udp(b"\x01\x02\x03\x04\x05", 53, 40000, src=B4, dst=A4), 17, src=B4, dst=A4), 0x0800))
    f = bytearray(eth(ip4(udp(b"hi", 1, 2), 17), 0x0800))
    f[14] = 0x44
    w.add(bytes(f))
    f = bytearray(eth(ip4(udp(b"hi", 1, 2), 17), 0x0800))
    f[14] = 0x4f
    w.add(bytes(f))
    w.close()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    out = sys.argv[1]
    names = sys.argv[2:] or list(CASES)
    for n in names:
        CASES[n](os.path.join(out, n + ".pcap"))
        print("%-14s %s" % (n, CASES[n].__doc__))


if __name__ == "__main__":
    main()
