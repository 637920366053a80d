/* responder.c — the simulated peers: ARP/NDP answers and echo replies, by a run-time policy.
 *
 * A peer is any address in one of the device's subnets that is not the device's own
 * (addrset_is_peer). Peers answer ARP requests (RFC 826) and IPv6 neighbour
 * solicitations (RFC 4861 §7.2.4) with a stable MAC (peer_mac), and echo requests
 * (RFC 792, RFC 4443 §4.2) by turning the request around. */
#include "responder.h"

#include <string.h>
#include <sys/socket.h>

#include "bytes.h"
#include "checksum.h"

#define ETH_HLEN 14
#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_ARP 0x0806
#define ETHERTYPE_IPV6 0x86dd
#define IP6_HLEN 40

void responder_init(struct responder *r, const struct addrset *addrs, int tap, const uint8_t dev_mac[6])
{
	memset(r, 0, sizeof(*r));
	r->addrs = addrs;
	r->tap = tap;
	if (dev_mac)
		memcpy(r->dev_mac, dev_mac, 6);
}

/* The reply is built in place of the request: same layout, so the L2/PI prefix is shared. */
struct reply {
	uint8_t *buf;		/* start of the whole reply (PI header first if any) */
	uint8_t *l3;		/* start of the IP/ARP part */
	size_t prefix;		/* PI + Ethernet bytes before l3 */
};

static void set_eth(const struct responder *r, struct reply *rep, const uint8_t *in_eth,
		    const uint8_t peer[6])
{
	uint8_t *eth;

	if (!r->tap)
		return;
	eth = rep->l3 - ETH_HLEN;
	memcpy(eth, in_eth + 6, 6);	/* back to whoever asked */
	memcpy(eth + 6, peer, 6);
}

static size_t arp_reply(struct responder *r, const uint8_t *arp, size_t len, const uint8_t *in_eth,
			struct reply *rep)
{
	uint8_t mac[6], *out = rep->l3;

	if (!r->policy.answer_neigh || len < 28)
		return 0;
	if (get_be16(arp) != 1 || get_be16(arp + 2) != ETHERTYPE_IP || arp[4] != 6 || arp[5] != 4 ||
	    get_be16(arp + 6) != 1)
		return 0;
	if (!memcmp(arp + 14, arp + 24, 4) || !addrset_is_peer(r->addrs, AF_INET, arp + 24))
		return 0;	/* gratuitous ARP, or not one of ours */
	peer_mac(AF_INET, arp + 24, mac);
	memcpy(out, arp, 8);
	put_be16(out + 6, 2);
	memcpy(out + 8, mac, 6);
	memcpy(out + 14, arp + 24, 4);
	memcpy(out + 18, arp + 8, 6);
	memcpy(out + 24, arp + 14, 4);
	set_eth(r, rep, in_eth, mac);
	r->stats.arp_replies++;
	return rep->prefix + 28;
}

static size_t echo_reply4(struct responder *r, const uint8_t *ip, size_t len, const uint8_t *in_eth,
			  struct reply *rep)
{
	size_t ihl, total;
	uint8_t mac[6], *out = rep->l3;

	if (!r->policy.answer_echo || len < 20 || ip[0] >> 4 != 4 || ip[9] != 1)
		return 0;
	ihl = (size_t)(ip[0] & 0x0f) * 4;
	total = get_be16(ip + 2);
	if (ihl < 20 || total < ihl + 8 || total > len || (get_be16(ip + 6) & 0x3fff))
		return 0;	/* malformed, or a fragment: not reassembled here */
	if (ip[ihl] != 8 || ip[ihl + 1] != 0 || !addrset_is_peer(r->addrs, AF_INET, ip + 16))
		return 0;
	memmove(out, ip, total);
	memcpy(out + 12, ip + 16, 4);
	memcpy(out + 16, ip + 12, 4);
	out[8] = 64;
	put_be16(out + 10, 0);
	put_be16(out + 10, csum_buf(out, ihl));
	out[ihl] = 0;
	put_be16(out + ihl + 2, 0);
	put_be16(out + ihl + 2, csum_buf(out + ihl, total - ihl));
	peer_mac(AF_INET, out + 12, mac);
	set_eth(r, rep, in_eth, mac);
	r->stats.echo_replies++;
	return rep->prefix + total;
}

static void icmp6_checksum(uint8_t *ip6, size_t plen)
{
	uint8_t *icmp = ip6 + IP6_HLEN;

	put_be16(icmp + 2, 0);
	put_be16(icmp + 2, csum_fold(csum_add(csum_pseudo6(ip6 + 8, ip6 + 24, 58, (uint32_t)plen), icmp, plen)));
}

/* RFC 4861 §7.2.4: solicited, override; target link-layer address option. */
static size_t neigh_advert(struct responder *r, const uint8_t *ip6, const uint8_t *in_eth, struct reply *rep)
{
	static const uint8_t unspecified[16];
	const uint8_t *ns = ip6 + IP6_HLEN;
	uint8_t mac[6], *out = rep->l3, *na = out + IP6_HLEN;

	if (!r->policy.answer_neigh || !r->tap || ip6[7] != 255 || ns[1] != 0)
		return 0;
	if (!memcmp(ip6 + 8, unspecified, 16) || !addrset_is_peer(r->addrs, AF_INET6, ns + 8))
		return 0;	/* duplicate address detection, or not one of ours */
	peer_mac(AF_INET6, ns + 8, mac);
	memcpy(out + 24, ip6 + 8, 16);		/* to the soliciting address */
	memcpy(out + 8, ns + 8, 16);		/* from the target itself */
	put_be32(out, 0x60000000);
	put_be16(out + 4, 32);
	out[6] = 58;
	out[7] = 255;
	memmove(na + 8, ns + 8, 16);
	na[0] = 136;
	na[1] = 0;
	put_be32(na + 4, 0x60000000);		/* S and O flags */
	na[24] = 2;				/* target link-layer address */
	na[25] = 1;
	memcpy(na + 26, mac, 6);
	icmp6_checksum(out, 32);
	set_eth(r, rep, in_eth, mac);
	r->stats.nd_adverts++;
	return rep->prefix + IP6_HLEN + 32;
}

static size_t echo_reply6(struct responder *r, const uint8_t *ip6, size_t plen, const uint8_t *in_eth,
			  struct reply *rep)
{
	uint8_t mac[6], *out = rep->l3;

	if (!r->policy.answer_echo || plen < 8 || ip6[IP6_HLEN + 1] != 0 ||
	    !addrset_is_peer(r->addrs, AF_INET6, ip6 + 24))
		return 0;
	memmove(out, ip6, IP6_HLEN + plen);
	memcpy(out + 8, ip6 + 24, 16);
	memcpy(out + 24, ip6 + 8, 16);
	out[7] = 64;
	out[IP6_HLEN] = 129;
	icmp6_checksum(out, plen);
	peer_mac(AF_INET6, out + 8, mac);
	set_eth(r, rep, in_eth, mac);
	r->stats.echo6_replies++;
	return rep->prefix + IP6_HLEN + plen;
}

static size_t ipv6(struct responder *r, const uint8_t *ip6, size_t len, const uint8_t *in_eth, struct reply *rep)
{
	size_t plen;
	uint8_t type;

	if (len < IP6_HLEN + 8 || ip6[0] >> 4 != 6 || ip6[6] != 58)
		return 0;	/* only ICMPv6 right after the fixed header */
	plen = get_be16(ip6 + 4);
	if (plen < 8 || IP6_HLEN + plen > len)
		return 0;
	type = ip6[IP6_HLEN];
	if (type == 135 && plen >= 24)
		return neigh_advert(r, ip6, in_eth, rep);
	if (type == 128)
		return echo_reply6(r, ip6, plen, in_eth, rep);
	return 0;
}

size_t responder_handle(struct responder *r, const struct frame *in, uint8_t *out, size_t cap)
{
	const uint8_t *p = in->data, *eth = NULL;
	size_t len = in->caplen, pi = in->has_pi ? TUN_PI_LEN : 0;
	uint16_t ethertype;
	struct reply rep;

	if ((!r->policy.answer_neigh && !r->policy.answer_echo) || len < pi + 1 || cap < len)
		return 0;
	rep.buf = out;
	rep.prefix = pi + (r->tap ? ETH_HLEN : 0);
	if (len < rep.prefix)
		return 0;
	rep.l3 = out + rep.prefix;
	memcpy(out, p, rep.prefix);	/* PI header (flags, proto) stays as it was */
	if (r->tap) {
		eth = p + pi;
		ethertype = get_be16(eth + 12);
	} else {
		ethertype = p[pi] >> 4 == 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IP;
	}
	p += rep.prefix;
	len -= rep.prefix;
	switch (ethertype) {
	case ETHERTYPE_ARP:
		return r->tap ? arp_reply(r, p, len, eth, &rep) : 0;
	case ETHERTYPE_IP:
		return echo_reply4(r, p, len, eth, &rep);
	case ETHERTYPE_IPV6:
		return ipv6(r, p, len, eth, &rep);
	}
	return 0;
}
