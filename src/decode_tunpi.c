/* decode_tunpi.c — the 4-byte packet-information header a tun/tap device prepends without IFF_NO_PI. */
/*
 * Linux Documentation/networking/tuntap.rst, struct tun_pi in <linux/if_tun.h>:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     flags (TUN_PKT_STRIP)     |   proto (EtherType, network)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Wireshark has no dissector for it; the names "tun.*" are tapscope's own.
 */
#include "decode_priv.h"

static const struct tok pi_proto_names[] = {
	{ 0x0800, "IPv4" }, { 0x0806, "ARP" }, { 0x86dd, "IPv6" }, { 0, NULL }
};

static const struct field_def f_tun FIELD_REG = {
	"tun", "TUN packet information", FT_PROTO, NULL, NULL,
	"Packet information: 4 bytes the tun driver puts before each packet unless IFF_NO_PI is set.",
};
static const struct field_def f_flags FIELD_REG = {
	"tun.flags", "Flags", FT_HEX, NULL, NULL,
	"Flags from the driver; 0x0001 (TUN_PKT_STRIP) means the packet was cut to fit the buffer.",
};
static const struct field_def f_proto FIELD_REG = {
	"tun.proto", "Protocol", FT_HEX, pi_proto_names, NULL,
	"EtherType of the packet that follows (0x0800 IPv4, 0x86dd IPv6).",
};

void decode_tunpi(struct decoded *d, struct cursor *c, int dlt)
{
	unsigned proto;
	int idx = dec_open(d, PROTO_TUN, &f_tun, c->off, TUN_PI_LEN);

	if (!cursor_has(c, TUN_PI_LEN)) {
		dec_short(d, c, PROTO_TUN);
		dec_close(d, idx, 0);
		return;
	}
	dec_be16(d, c, &f_flags);
	proto = dec_be16(d, c, &f_proto);
	dec_close(d, idx, 0);
	decode_tunpi_next(d, c, dlt, proto);
}
