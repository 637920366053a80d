/* why.c — one line on why a frame exists: why the kernel sent it (no neighbour entry, DAD, a ping...) or what tapscope did (a reply, an injection, held). */
#include "why.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "proto.h"

struct out {
	char *buf;
	size_t len, used;
};

__attribute__((format(printf, 2, 3)))
static void say(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->used >= o->len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->used, o->len - o->used, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->used += (size_t)n < o->len - o->used ? (size_t)n : o->len - o->used - 1;
}

static const char *ip(int af, const uint8_t *a, char *buf)
{
	if (!a || !inet_ntop(af, a, buf, INET6_ADDRSTRLEN))
		snprintf(buf, INET6_ADDRSTRLEN, "?");
	return buf;
}

static int all_zero(const uint8_t *a, int n)
{
	while (n--)
		if (*a++)
			return 0;
	return 1;
}

static void arp_why(struct out *o, const struct frame *f, const struct frameloc *l)
{
	const uint8_t *spa = f->data + l->arp_spa_off, *tpa = f->data + l->arp_tpa_off, *eth = f->data + l->eth_off;
	char a[INET6_ADDRSTRLEN];

	if (l->arp_op == ARP_OP_REPLY) {
		say(o, "the kernel answers an ARP request: %s is at its MAC", ip(AF_INET, spa, a));
		return;
	}
	if (l->arp_op != ARP_OP_REQUEST) {
		say(o, "ARP, opcode %d", l->arp_op);
		return;
	}
	if (all_zero(spa, 4))
		say(o, "ARP probe: before using %s the kernel checks that nobody has it", ip(AF_INET, tpa, a));
	else if (!memcmp(spa, tpa, 4))
		say(o, "gratuitous ARP: the kernel announces that %s is at its MAC", ip(AF_INET, tpa, a));
	else if (eth[0] != 0xff)
		say(o, "the kernel re-checks %s at the MAC it has (its neighbour entry went stale): a unicast probe",
		    ip(AF_INET, tpa, a));
	else
		say(o, "the kernel wants to send to %s but has no neighbour entry for it: it asks who has it (ARP)",
		    ip(AF_INET, tpa, a));
}

static void icmp6_why(struct out *o, const struct frame *f, const struct frameloc *l)
{
	const uint8_t *src = frameloc_src(l, f), *dst = frameloc_dst(l, f), *body = f->data + l->l4_off;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	switch (l->icmp_type) {
	case ICMP6_T_NEIGH_SOLICIT:
		if (l->l4_len < 24)
			break;
		if (all_zero(src, 16))
			say(o, "duplicate address detection: before using %s the kernel asks whether anyone has it "
			       "(a neighbour solicitation from ::)", ip(AF_INET6, body + 8, a));
		else if (dst[0] != 0xff)
			say(o, "the kernel re-checks that %s is still reachable: a unicast neighbour solicitation",
			    ip(AF_INET6, body + 8, a));
		else
			say(o, "the kernel wants to send to %s but has no neighbour entry for it: it asks who has it "
			       "(neighbour discovery, IPv6's ARP)", ip(AF_INET6, body + 8, a));
		return;
	case ICMP6_T_NEIGH_ADVERT:
		say(o, "the kernel says where %s is (a neighbour advertisement)",
		    l->l4_len >= 24 ? ip(AF_INET6, body + 8, a) : "?");
		return;
	case ICMP6_T_ROUTER_SOLICIT:
		say(o, "router solicitation: the link came up and the kernel asks for routers (IPv6 autoconfiguration)");
		return;
	case ICMP6_T_MLD_REPORT:
	case ICMP6_T_MLD2_REPORT:
		say(o, "MLD report: the kernel joins the multicast groups its addresses need (all-nodes, solicited-node)");
		return;
	case ICMP6_T_MLD_DONE:
		say(o, "MLD done: the kernel leaves a multicast group");
		return;
	case ICMP6_T_ECHO_REQUEST:
		say(o, "a ping: a program in the namespace sent an echo request to %s", ip(AF_INET6, dst, a));
		return;
	case ICMP6_T_ECHO_REPLY:
		say(o, "the kernel answers an echo request to its own address %s", ip(AF_INET6, src, a));
		return;
	case ICMP6_T_UNREACH:
	case ICMP6_T_TIME_EXCEEDED:
	case ICMP6_T_PARAM_PROBLEM:
	case ICMP6_T_PACKET_TOO_BIG:
		say(o, "the kernel reports an error to %s about a packet it got from there", ip(AF_INET6, dst, b));
		return;
	}
	say(o, "ICMPv6 type %d from %s", l->icmp_type, ip(AF_INET6, src, a));
}

static void icmp4_why(struct out *o, const struct frame *f, const struct frameloc *l)
{
	const uint8_t *src = frameloc_src(l, f), *dst = frameloc_dst(l, f);
	char a[INET6_ADDRSTRLEN];

	switch (l->icmp_type) {
	case ICMP_T_ECHO_REQUEST:
		say(o, "a ping: a program in the namespace sent an echo request to %s", ip(AF_INET, dst, a));
		return;
	case ICMP_T_ECHO_REPLY:
		say(o, "the kernel answers an echo request to its own address %s", ip(AF_INET, src, a));
		return;
	case ICMP_T_UNREACH:
		if (l->icmp_code == 3)
			say(o, "port unreachable: nothing in the namespace listens on the UDP port a packet from %s asked for",
			    ip(AF_INET, dst, a));
		else
			say(o, "the kernel reports to %s that a packet from there cannot be delivered (code %d)",
			    ip(AF_INET, dst, a), l->icmp_code);
		return;
	case ICMP_T_TIME_EXCEEDED:
		say(o, "time exceeded: the kernel would have forwarded a packet from %s, but its TTL ran out",
		    ip(AF_INET, dst, a));
		return;
	}
	say(o, "ICMP type %d from the namespace to %s", l->icmp_type, ip(AF_INET, dst, a));
}

static void transport_why(struct out *o, const struct frame *f, const struct frameloc *l)
{
	const uint8_t *dst = frameloc_dst(l, f), *t = f->data + l->l4_off;
	char a[INET6_ADDRSTRLEN];
	unsigned dport = l->l4_len >= 4 ? get_be16(t + 2) : 0;

	ip(l->af, dst, a);
	if (l->l4proto == IPP_UDP && dport >= 33434 && dport <= 33534)
		say(o, "a traceroute probe: UDP to %s port %u, sent with a small TTL", a, dport);
	else if (l->l4proto == IPP_UDP && dport == 53)
		say(o, "a DNS query to %s", a);
	else if (l->l4proto == IPP_UDP && (dport == 67 || dport == 547))
		say(o, "DHCP: the namespace asks for an address");
	else if (l->l4proto == IPP_UDP)
		say(o, "UDP from a program in the namespace to %s port %u", a, dport);
	else if (l->l4proto == IPP_TCP && l->l4_len >= 14 && (t[13] & 0x12) == 0x02)
		say(o, "a program in the namespace opens a TCP connection to %s port %u (SYN)", a, dport);
	else if (l->l4proto == IPP_TCP && l->l4_len >= 14 && (t[13] & 0x04))
		say(o, "the kernel refuses or ends a TCP connection with %s (RST)", a);
	else if (l->l4proto == IPP_TCP)
		say(o, "TCP from the namespace to %s port %u", a, dport);
	else
		say(o, "the kernel routed this packet to %s through the device (protocol %d)", a, l->l4proto);
}

static void kernel_why(struct out *o, const struct frame *f, const struct frameloc *l)
{
	if (l->flags & LOC_SHORT && !l->af && !l->arp_op) {
		say(o, "a frame too short to say (truncated)");
		return;
	}
	if (l->ethertype == ETHERTYPE_ARP && l->arp_op)
		arp_why(o, f, l);
	else if (l->ethertype == ETHERTYPE_ARP)
		say(o, "ARP, but not for IPv4 over Ethernet, or cut short");
	else if (!l->af)
		say(o, "ethertype 0x%04x from the kernel", l->ethertype);
	else if (!l->src_off || !l->dst_off)
		say(o, "an IP header cut short (truncated)");
	else if (l->l4proto == IPP_ICMPV6 && l->af == AF_INET6 && l->icmp_type >= 0)
		icmp6_why(o, f, l);
	else if (l->l4proto == IPP_ICMP && l->af == AF_INET && l->icmp_type >= 0)
		icmp4_why(o, f, l);
	else if (l->flags & LOC_FRAGMENT && !l->l4_off)
		say(o, "a later fragment of a packet the kernel split to fit the MTU");
	else
		transport_why(o, f, l);
}

static void tapscope_why(struct out *o, const struct frame *f, const struct frame_meta *m)
{
	const struct frameloc *l = &m->loc;
	char a[INET6_ADDRSTRLEN];

	if (m->origin == OUTBOX_REPLY) {
		if (l->ethertype == ETHERTYPE_ARP && l->arp_op)
			ip(AF_INET, f->data + l->arp_spa_off, a);
		else if (l->af)
			ip(l->af, frameloc_src(l, f), a);
		else
			snprintf(a, sizeof(a), "?");
		say(o, "tapscope's answer as the peer %s", a);
		if (m->answers)
			say(o, " to frame %llu", (unsigned long long)m->answers);
	} else {
		say(o, "injected by you (job %u)", m->job);
	}
	if (m->edited)
		say(o, "; edited while held, then released");
	else if (m->held)
		say(o, "; it waited on hold until released");
}

size_t why_frame(const struct frame *f, const struct frame_meta *m, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };

	if (!len)
		return 0;
	buf[0] = '\0';
	if (f->dir == FRAME_OUT)
		tapscope_why(&o, f, m);
	else if (f->dir == FRAME_IN)
		kernel_why(&o, f, &m->loc);
	return o.used;
}

const char *why_answer(const struct frame *f, const struct frame_meta *m)
{
	if (f->dir != FRAME_IN)
		return NULL;
	if (m->why == RESP_ANSWERED)
		return m->held ? "tapscope's answer is held in the outbox (release it to send it)" : "answered by tapscope";
	return responder_why_is_refusal(m->why) ? responder_why_text(m->why) : NULL;
}
