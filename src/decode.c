/* decode.c — the decoding engine: frame entry, the field tree, display text, and dispatch between layers. */
#include <pcap/dlt.h>
#include <string.h>
#include <time.h>

#include "decode_priv.h"
#include "proto.h"

static const char *const proto_short[PROTO_COUNT] = {
	[PROTO_TUN] = "tun", [PROTO_ETH] = "eth", [PROTO_VLAN] = "vlan", [PROTO_SLL] = "sll",
	[PROTO_ARP] = "arp", [PROTO_IP] = "ip", [PROTO_IPV6] = "ipv6", [PROTO_ICMP] = "icmp",
	[PROTO_ICMPV6] = "icmpv6", [PROTO_UDP] = "udp", [PROTO_TCP] = "tcp", [PROTO_DNS] = "dns",
	[PROTO_DHCP] = "dhcp", [PROTO_DATA] = "data", [PROTO_NULL] = "null", [PROTO_PPP] = "ppp",
	[PROTO_GRE] = "gre", [PROTO_ERSPAN] = "erspan", [PROTO_VXLAN] = "vxlan", [PROTO_GENEVE] = "geneve",
	[PROTO_MPLS] = "mpls", [PROTO_PPPOES] = "pppoes", [PROTO_PPPOED] = "pppoed",
	[PROTO_AH] = "ah", [PROTO_L2TP] = "l2tp", [PROTO_LCP] = "lcp",
};

const struct tok ipproto_names[] = {
	{ 0, "hopopt" }, { 1, "icmp" }, { 2, "igmp" }, { 4, "ipip" }, { 6, "tcp" }, { 17, "udp" },
	{ 41, "ip6" }, { 43, "ipv6-route" }, { 44, "ipv6-frag" }, { 47, "gre" }, { 50, "esp" },
	{ 51, "ah" }, { 58, "icmp6" }, { 59, "ipv6-nonxt" }, { 60, "ipv6-opts" }, { 89, "ospf" },
	{ 103, "pim" }, { 112, "vrrp" }, { 132, "sctp" }, { 0, NULL }
};

static const struct field_def data_proto FIELD_REG = {
	"data", "Data", FT_PROTO, NULL, NULL,
	"Bytes no decoder here understands, shown as they are.",
};
static const struct field_def data_data FIELD_REG = {
	"data.data", "Data", FT_BYTES, NULL, NULL, "The undecoded bytes themselves.",
};
static const struct field_def data_len FIELD_REG = {
	"data.len", "Length", FT_UINT, NULL, " bytes", "How many undecoded bytes there are.",
};
static const struct field_def ws_short FIELD_REG = {
	"_ws.short", "Truncated", FT_EXPERT, NULL, NULL,
	"The capture kept fewer bytes than this layer needs, so it ends here.",
};
static const struct field_def ws_malformed FIELD_REG = {
	"_ws.malformed", "Malformed", FT_EXPERT, NULL, NULL,
	"A length or value in the packet contradicts the packet itself.",
};

/* ---- the tree ---- */

int dec_node(struct decoded *d, const struct field_def *def, uint32_t off, uint32_t len, uint64_t value)
{
	struct field *f;

	if (d->nfields >= DECODE_MAX_FIELDS) {
		d->overflow = !d->summary_only;
		return -1;
	}
	/* a node never claims bytes that were not captured */
	if (off > d->caplen)
		off = d->caplen;
	if (len > d->caplen - off)
		len = d->caplen - off;
	f = &d->fields[d->nfields];
	f->def = def;
	f->value = value;
	f->off = off;
	f->len = len;
	f->parent = (int16_t)d->cur_parent;
	f->depth = (uint8_t)d->cur_depth;
	f->flags = 0;
	return d->nfields++;
}

int dec_group_node(struct decoded *d, const struct field_def *def, uint32_t off, uint32_t len)
{
	int i = dec_node(d, def, off, len, 0);

	if (i >= 0 && d->cur_depth < 255) {
		d->cur_parent = i;
		d->cur_depth++;
	}
	return i;
}

void dec_close_node(struct decoded *d, int idx, uint32_t end)
{
	struct field *f;

	if (idx < 0)
		return;
	f = &d->fields[idx];
	if (end > f->off)
		f->len = (end <= d->caplen ? end : d->caplen) - f->off;
	d->cur_parent = f->parent;
	d->cur_depth = f->depth;
}

void dec_malformed(struct decoded *d, uint32_t off, uint32_t len, const char *why)
{
	d->malformed = 1;
	dec_node(d, &ws_malformed, off, len, (uint64_t)(uintptr_t)why);
}

/* tcpdump 4.99's names in its " [|name]" truncation marks */
static const char *const trunc_tag[PROTO_COUNT] = {
	[PROTO_TUN] = "tun", [PROTO_ETH] = "ether", [PROTO_VLAN] = "vlan", [PROTO_SLL] = "sll",
	[PROTO_ARP] = "arp", [PROTO_IP] = "ip", [PROTO_IPV6] = "ip6", [PROTO_ICMP] = "icmp",
	[PROTO_ICMPV6] = "icmp6", [PROTO_UDP] = "udp", [PROTO_TCP] = "tcp", [PROTO_DNS] = "domain",
	[PROTO_DHCP] = "bootp", [PROTO_DATA] = "data", [PROTO_NULL] = "null", [PROTO_PPP] = "ppp",
	[PROTO_GRE] = "gre", [PROTO_ERSPAN] = "erspan", [PROTO_VXLAN] = "vxlan", [PROTO_GENEVE] = "geneve",
	[PROTO_MPLS] = "mpls", [PROTO_PPPOES] = "pppoe", [PROTO_PPPOED] = "pppoe",
	[PROTO_AH] = "ah", [PROTO_L2TP] = "l2tp", [PROTO_LCP] = "lcp",
};

int dec_short_note(struct decoded *d, const struct cursor *c, enum decode_proto p)
{
	if (d->inner)
		return 0;	/* an ICMP error quotes only the start of a packet: that is not truncation */
	if (dec_cut_by_capture(d, c)) {
		if (!d->truncated) {
			d->truncated = 1;
			d->trunc_proto = p;
		}
		dec_node(d, &ws_short, c->off, 0, (uint64_t)(uintptr_t)"Packet size limited during capture");
	} else {
		d->malformed = 1;
		if (d->trunc_proto < 0)
			d->trunc_proto = p;
		dec_node(d, &ws_malformed, c->off, 0,
			 (uint64_t)(uintptr_t)"Layer ends before its own length says (length fields lie)");
	}
	return 1;
}

void dec_sum_trunc(struct decoded *d, enum decode_proto p)
{
	struct fmtbuf b;

	if (d->inner)
		return;
	b = dec_sum_begin(d);
	fmtbuf_str(&b, " [|");	/* tcpdump's nd_print_trunc, space included */
	fmtbuf_str(&b, trunc_tag[p]);
	fmtbuf_char(&b, ']');
	dec_sum_end(d, &b);
}

void dec_short(struct decoded *d, const struct cursor *c, enum decode_proto p)
{
	if (dec_short_note(d, c, p))
		dec_sum_trunc(d, p);
}

void dec_csum(struct decoded *d, const struct field_def *def, uint32_t off, enum csum_status st, uint16_t want)
{
	dec_node(d, def, off, 2, (uint64_t)st | (uint64_t)want << 8);
}

void dec_print_char(struct fmtbuf *b, unsigned ch)
{
	if (ch & 0x80) {
		fmtbuf_str(b, "M-");
		ch &= 0x7f;
	}
	if (ch < 0x20 || ch == 0x7f) {
		fmtbuf_char(b, '^');
		ch ^= 0x40;
	}
	fmtbuf_char(b, (char)ch);
}

void dec_sum_addrs(struct decoded *d, const struct l3info *l3, int sport, int dport)
{
	struct fmtbuf b = dec_sum_begin(d);

	if (l3->ports_only) {
		if (sport >= 0) {
			fmtbuf_u64(&b, (unsigned)sport);
			fmtbuf_str(&b, " > ");
			fmtbuf_u64(&b, (unsigned)dport);
			fmtbuf_str(&b, ": ");
		}
		dec_sum_end(d, &b);
		if (!d->inner)
			d->info_off = d->summary_len;
		return;
	}
	if (l3->af == 4)
		fmtbuf_ip4(&b, l3->src);
	else
		fmtbuf_ip6(&b, l3->src);
	if (sport >= 0) {
		fmtbuf_char(&b, '.');
		fmtbuf_u64(&b, (unsigned)sport);
	}
	fmtbuf_str(&b, " > ");
	if (l3->af == 4)
		fmtbuf_ip4(&b, l3->dst);
	else
		fmtbuf_ip6(&b, l3->dst);
	if (dport >= 0) {
		fmtbuf_char(&b, '.');
		fmtbuf_u64(&b, (unsigned)dport);
	}
	fmtbuf_str(&b, ": ");
	dec_sum_end(d, &b);
	if (!d->inner)
		d->info_off = d->summary_len;	/* the Info column starts here (the innermost packet's) */
}

/* ---- dispatch ---- */

#define DECODE_MAX_ENCAP 8

int dec_encap_enter(struct decoded *d, struct cursor *c)
{
	if (d->encap < DECODE_MAX_ENCAP) {
		d->encap++;
		return 1;
	}
	dec_malformed(d, c->off, cursor_left(c), "More nested tunnels than tapscope follows (8)");
	decode_data(d, c);
	return 0;
}

void decode_data(struct decoded *d, struct cursor *c)
{
	uint32_t n = cursor_left(c);
	int idx;

	if (n == 0)
		return;
	idx = dec_open(d, PROTO_DATA, &data_proto, c->off, n);
	dec_add(d, &data_data, c->off, n, 0);
	dec_add(d, &data_len, c->off, n, n);
	c->off += n;
	dec_close(d, idx, 0);
}

static void decode_rawip(struct decoded *d, struct cursor *c)
{
	unsigned v = cursor_has(c, 1) ? c->buf[c->off] >> 4 : 0;

	if (v == 4)
		decode_ip(d, c);
	else if (v == 6)
		decode_ipv6(d, c);
	else {
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "IP version ");
		fmtbuf_u64(&b, v);
		fmtbuf_str(&b, ", length ");
		fmtbuf_u64(&b, d->len);
		dec_sum_end(d, &b);
		decode_data(d, c);
	}
}

int decode_link_has_dir(int dlt)
{
	return dlt == DLT_LINUX_SLL || dlt == DLT_LINUX_SLL2 || dlt == DLT_PPP_WITH_DIR;
}

enum frame_dir decode_link_dir(int dlt, const uint8_t *data, uint32_t caplen)
{
	unsigned type;

	if (dlt == DLT_LINUX_SLL && caplen >= 2)
		type = (unsigned)data[0] << 8 | data[1];
	else if (dlt == DLT_LINUX_SLL2 && caplen >= 11)
		type = data[10];
	else if (dlt == DLT_PPP_WITH_DIR && caplen >= 1)
		return data[0] == 1 ? FRAME_OUT : data[0] == 0 ? FRAME_IN : FRAME_DIR_UNKNOWN;
	else
		return FRAME_DIR_UNKNOWN;
	return type == 4 ? FRAME_OUT : type <= 3 ? FRAME_IN : FRAME_DIR_UNKNOWN;
}

static void decode_link(struct decoded *d, struct cursor *c, int dlt)
{
	switch (dlt) {
	case DLT_EN10MB:
		decode_eth(d, c);
		break;
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
		decode_rawip(d, c);
		break;
	case DLT_LINUX_SLL:
		decode_sll(d, c);
		break;
	case DLT_LINUX_SLL2:
		decode_sll2(d, c);
		break;
	case DLT_NULL:
	case DLT_LOOP:
		decode_null(d, c);
		break;
	case DLT_PPP:
	case DLT_PPP_SERIAL:
	case DLT_PPP_WITH_DIR:
		decode_ppp(d, c, dlt);
		break;
	default:
		dec_sum_str(d, "unknown link type");
		decode_data(d, c);
		break;
	}
}

void decode_ethertype(struct decoded *d, struct cursor *c, unsigned type)
{
	switch (type) {
	case ETHERTYPE_IPV4:
		decode_ip(d, c);
		return;
	case ETHERTYPE_IPV6:
		decode_ipv6(d, c);
		return;
	case ETHERTYPE_ARP:
	case ETHERTYPE_RARP:
		decode_arp(d, c);
		return;
	case ETHERTYPE_MPLS:
	case ETHERTYPE_MPLS_MC:
		decode_mpls(d, c);
		return;
	case ETHERTYPE_PPPOE_DISC:
	case ETHERTYPE_PPPOE_SESS:
		decode_pppoe(d, c, type == ETHERTYPE_PPPOE_SESS);
		return;
	}
	{
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "ethertype Unknown (0x");
		fmtbuf_hex(&b, type, 4);
		fmtbuf_str(&b, "), length ");
		fmtbuf_u64(&b, d->len);
		dec_sum_end(d, &b);
	}
	decode_data(d, c);
}

void decode_ipproto(struct decoded *d, struct cursor *c, unsigned proto, struct l3info *l3)
{
	switch (proto) {
	case 1:
		if (l3->summary_open)
			dec_sum_addrs(d, l3, -1, -1);
		decode_icmp(d, c, l3);
		return;
	case 58:
		if (l3->summary_open)
			dec_sum_addrs(d, l3, -1, -1);
		decode_icmpv6(d, c, l3);
		return;
	case 6:
		decode_tcp(d, c, l3);
		return;
	case 17:
		decode_udp(d, c, l3);
		return;
	case IPP_AH:
		decode_ah(d, c, l3);
		return;
	case IPP_IPIP:
	case IPP_IPV6:
	case IPP_GRE:
		if (l3->summary_open)
			dec_sum_addrs(d, l3, -1, -1);
		if (!dec_encap_enter(d, c))
			return;
		if (proto == IPP_GRE)
			decode_gre(d, c, l3);
		else if (proto == IPP_IPIP)
			decode_ip(d, c);
		else
			decode_ipv6(d, c);
		return;
	}
	if (l3->summary_open)
		dec_sum_addrs(d, l3, -1, -1);
	{
		struct fmtbuf b = dec_sum_begin(d);
		const char *n = tok_name(ipproto_names, proto);

		if (n) {
			fmtbuf_str(&b, n);
		} else {
			fmtbuf_str(&b, "ip-proto-");
			fmtbuf_u64(&b, proto);
		}
		fmtbuf_char(&b, ' ');
		fmtbuf_u64(&b, cursor_left(c));
		dec_sum_end(d, &b);
	}
	decode_data(d, c);
}

static int decode_run(struct decoded *d, const struct frame *f);

int decode_frame(struct decoded *d, const struct frame *f)
{
	d->summary_only = 0;
	return decode_run(d, f);
}

int decode_frame_summary(struct decoded *d, const struct frame *f)
{
	d->summary_only = 1;
	decode_run(d, f);
	d->nfields = 0;
	return 0;
}

static int decode_run(struct decoded *d, const struct frame *f)
{
	struct cursor c;

	d->data = f->data;
	d->caplen = f->caplen;
	d->ts_sec = f->ts.tv_sec;
	d->len = f->len >= f->caplen ? f->len : f->caplen;
	d->number = f->number;
	d->pi_len = f->has_pi ? TUN_PI_LEN : 0;
	d->nfields = d->summary_only ? DECODE_MAX_FIELDS : 0;	/* summary only: every node is refused */
	d->overflow = 0;
	d->truncated = 0;
	d->malformed = 0;
	d->trunc_proto = -1;
	d->nprotos = 0;
	d->cur_parent = -1;
	d->cur_depth = 0;
	d->inner = 0;
	d->encap = 0;
	d->summary_len = 0;
	d->info_off = 0;
	d->summary[0] = '\0';
	if (!f->data || f->caplen == 0) {
		dec_sum_str(d, "empty frame");
		return 0;
	}
	cursor_init(&c, f->data, 0, f->caplen);
	if (f->has_pi)
		decode_tunpi(d, &c, f->dlt);
	else
		decode_link(d, &c, f->dlt);
	return d->nfields;
}

void decode_tunpi_next(struct decoded *d, struct cursor *c, int dlt, unsigned proto)
{
	if (dlt == DLT_EN10MB)
		decode_eth(d, c);
	else if (proto)
		decode_ethertype(d, c, proto);
	else
		decode_rawip(d, c);
}

/* ---- accessors ---- */

const char *decode_summary(const struct decoded *d) { return d->summary; }
const char *decode_info(const struct decoded *d) { return d->summary + d->info_off; }
int decode_count(const struct decoded *d) { return d->nfields; }
const struct field *decode_field(const struct decoded *d, int i) { return &d->fields[i]; }
const char *decode_name(const struct decoded *d, int i) { return d->fields[i].def->name; }
const char *decode_label(const struct decoded *d, int i) { return d->fields[i].def->label; }
const char *decode_explain(const struct decoded *d, int i) { return d->fields[i].def->explain; }
uint32_t decode_offset(const struct decoded *d, int i) { return d->fields[i].off; }
uint32_t decode_length(const struct decoded *d, int i) { return d->fields[i].len; }
int decode_parent(const struct decoded *d, int i) { return d->fields[i].parent; }
int decode_depth(const struct decoded *d, int i) { return d->fields[i].depth; }
int decode_nprotos(const struct decoded *d) { return d->nprotos; }
const char *decode_proto_name(const struct decoded *d, int k) { return proto_short[d->protos[k]]; }
const char *decode_proto_short(enum decode_proto p) { return (unsigned)p < PROTO_COUNT ? proto_short[p] : "?"; }

/* Wireshark's absolute time, in UTC: "May 30, 2013 22:45:17.283108000 UTC" */
static void abstime_text(struct fmtbuf *b, uint64_t v)
{
	static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)(v >> 20);
	unsigned us = (unsigned)(v & 0xfffff);
	struct tm tm;
	char frac[7];
	int i;

	if (!gmtime_r(&t, &tm))
		return;
	fmtbuf_str(b, mon[tm.tm_mon]);
	fmtbuf_char(b, ' ');
	if (tm.tm_mday < 10)
		fmtbuf_char(b, ' ');
	fmtbuf_u64(b, (unsigned)tm.tm_mday);
	fmtbuf_str(b, ", ");
	fmtbuf_i64(b, (int64_t)tm.tm_year + 1900);
	fmtbuf_char(b, ' ');
	for (i = 0; i < 3; i++) {
		int x = i == 0 ? tm.tm_hour : i == 1 ? tm.tm_min : tm.tm_sec;

		if (i)
			fmtbuf_char(b, ':');
		fmtbuf_char(b, (char)('0' + x / 10));
		fmtbuf_char(b, (char)('0' + x % 10));
	}
	for (i = 5; i >= 0; i--, us /= 10)
		frac[i] = (char)('0' + us % 10);
	frac[6] = '\0';
	fmtbuf_char(b, '.');
	fmtbuf_str(b, frac);
	fmtbuf_str(b, "000 UTC");
}

static void text_string(struct fmtbuf *b, const uint8_t *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n && b->len + 1 < b->cap; i++) {
		uint8_t ch = p[i];

		if (ch >= 0x20 && ch < 0x7f && ch != '\\') {
			fmtbuf_char(b, (char)ch);
		} else if (ch == '\\') {
			fmtbuf_str(b, "\\\\");
		} else {
			fmtbuf_str(b, "\\x");
			fmtbuf_hex(b, ch, 2);
		}
	}
}

const char *decode_csum_word(uint64_t value)
{
	switch (value & 0xff) {
	case CSUM_GOOD: return "good";
	case CSUM_BAD: return "bad";
	case CSUM_NONE: return "not present";
	case CSUM_ILLEGAL: return "illegal";
	default: return "unverified";
	}
}

size_t decode_value_text(const struct decoded *d, int i, char *buf, size_t len)
{
	const struct field *f = &d->fields[i];
	const uint8_t *p = d->data + f->off;
	struct fmtbuf b;

	if (len == 0)
		return 0;
	fmtbuf_init(&b, buf, len);
	switch (f->def->type) {
	case FT_PROTO:
	case FT_GROUP:
		fmtbuf_str(&b, f->def->label);
		break;
	case FT_UINT:
		fmtbuf_u64(&b, f->value);
		break;
	case FT_HEX:
		fmtbuf_str(&b, "0x");
		fmtbuf_hex(&b, f->value, f->len ? (int)(2 * f->len) : 2);
		break;
	case FT_BOOL:
		fmtbuf_char(&b, f->value ? '1' : '0');
		break;
	case FT_MAC:
		if (f->len >= 6)
			fmtbuf_mac(&b, p);
		break;
	case FT_IPV4:
		if (f->len >= 4)
			fmtbuf_ip4(&b, p);
		break;
	case FT_IPV6:
		if (f->len >= 16)
			fmtbuf_ip6(&b, p);
		break;
	case FT_BYTES:
		fmtbuf_hexbytes(&b, p, f->len, 0);
		break;
	case FT_STRING:
		text_string(&b, p, f->len);
		break;
	case FT_DNSNAME:
		dns_name_format(d->data, (uint32_t)f->value, (uint32_t)(f->value >> 32), f->off, &b);
		break;
	case FT_CSUM:
		fmtbuf_str(&b, decode_csum_word(f->value));
		break;
	case FT_EXPERT:
		fmtbuf_str(&b, (const char *)(uintptr_t)f->value);
		break;
	case FT_ABSTIME:
		abstime_text(&b, f->value);
		break;
	}
	return b.len;
}

size_t decode_text(const struct decoded *d, int i, char *buf, size_t len)
{
	const struct field *f = &d->fields[i];
	const char *name;
	struct fmtbuf b;

	if (len == 0)
		return 0;
	fmtbuf_init(&b, buf, len);
	switch (f->def->type) {
	case FT_UINT:
	case FT_HEX:
		b.len = decode_value_text(d, i, buf, len);
		if (f->def->unit)
			fmtbuf_str(&b, f->def->unit);
		name = tok_name(f->def->vals, (unsigned)f->value);
		if (name) {
			fmtbuf_str(&b, " (");
			fmtbuf_str(&b, name);
			fmtbuf_char(&b, ')');
		}
		break;
	case FT_GROUP:
		fmtbuf_str(&b, f->def->label);
		name = tok_name(f->def->vals, (unsigned)f->value);
		if (name) {
			fmtbuf_str(&b, ": ");
			fmtbuf_str(&b, name);
		}
		break;
	case FT_BOOL:
		fmtbuf_str(&b, f->value ? "Set" : "Not set");
		break;
	case FT_BYTES:
		if (f->len > 32) {
			fmtbuf_hexbytes(&b, d->data + f->off, 32, 0);
			fmtbuf_str(&b, "... (");
			fmtbuf_u64(&b, f->len);
			fmtbuf_str(&b, " bytes)");
		} else {
			b.len = decode_value_text(d, i, buf, len);
		}
		break;
	case FT_STRING:
	case FT_DNSNAME:
		fmtbuf_char(&b, '"');
		if (b.len + 1 < len)
			b.len += decode_value_text(d, i, buf + b.len, len - b.len);
		fmtbuf_char(&b, '"');
		break;
	case FT_CSUM:
		switch (f->value & 0xff) {
		case CSUM_GOOD:
			fmtbuf_str(&b, "Good");
			break;
		case CSUM_BAD:
			fmtbuf_str(&b, "Bad (should be 0x");
			fmtbuf_hex(&b, (f->value >> 8) & 0xffff, 4);
			fmtbuf_char(&b, ')');
			break;
		case CSUM_NONE:
			fmtbuf_str(&b, "Not present (0: the sender did not compute one)");
			break;
		case CSUM_ILLEGAL:
			fmtbuf_str(&b, "Illegal (0: IPv6 requires a UDP checksum)");
			break;
		default:
			fmtbuf_str(&b, "Unverified (not all bytes captured, or a fragment)");
			break;
		}
		break;
	default:
		b.len = decode_value_text(d, i, buf, len);
		break;
	}
	return b.len;
}
