/* diagnose.c — a short verdict on why traffic does or does not flow through the device, from a plain snapshot. */
#include "diagnose.h"

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "addrset.h"
#include "nlfmt.h"

static const char *code_names[] = {
	"OK", "NO-DEVICE", "ADMIN-DOWN", "NO-CARRIER", "QUEUE-DETACHED", "NO-ADDRESS", "DAD-FAILED",
	"NO-ROUTE", "NEIGH-FAILED", "NEIGH-INCOMPLETE", "TX-DROPPED", "NEIGH-UNANSWERED", "ECHO-UNANSWERED",
	"ROUTE-ELSEWHERE",
};

const char *diagnose_code_name(enum diag_code code)
{
	if ((unsigned)code >= sizeof(code_names) / sizeof(code_names[0]))
		return "?";
	return code_names[code];
}

const char *diagnose_level_name(enum diag_level level)
{
	return level == DIAG_BLOCK ? "block" : level == DIAG_WARN ? "warn" : "info";
}

struct verdicts {
	struct diag_verdict *v;
	int n, max;
};

__attribute__((format(printf, 4, 5)))
static void say(struct verdicts *vs, enum diag_code code, enum diag_level level, const char *fmt, ...)
{
	va_list ap;

	if (vs->n >= vs->max)
		return;
	vs->v[vs->n].code = code;
	vs->v[vs->n].level = level;
	va_start(ap, fmt);
	vsnprintf(vs->v[vs->n].text, sizeof(vs->v[vs->n].text), fmt, ap);
	va_end(ap);
	vs->n++;
}

static int prefix_covers(int family, const uint8_t *net, int plen, const uint8_t *addr)
{
	int bytes = plen / 8, bits = plen % 8, max = family == AF_INET ? 32 : 128;

	if (plen < 0 || plen > max)
		return 0;
	if (memcmp(net, addr, (size_t)bytes) != 0)
		return 0;
	if (bits) {
		uint8_t mask = (uint8_t)(0xff << (8 - bits));

		if ((net[bytes] & mask) != (addr[bytes] & mask))
			return 0;
	}
	return 1;
}

/* The longest-prefix unicast route of s covering target, or NULL. */
static const struct snap_route *route_to(const struct nl_snapshot *s, const struct diag_target *t)
{
	const struct snap_route *best = NULL;

	for (int i = 0; i < s->nroutes; i++) {
		const struct snap_route *r = &s->routes[i];

		if (r->family != t->family || r->type != RTN_UNICAST)
			continue;
		if (prefix_covers(r->family, r->dst, r->dst_len, t->addr) && (!best || r->dst_len > best->dst_len))
			best = r;
	}
	return best;
}

static int is_link_local6(const struct snap_addr *a)
{
	return a->family == AF_INET6 && a->addr[0] == 0xfe && (a->addr[1] & 0xc0) == 0x80;
}

/* usable: an IPv4 address, or an IPv6 one other than link-local, whose DAD did not fail */
static int count_usable_addrs(const struct nl_snapshot *s)
{
	int n = 0;

	for (int i = 0; i < s->naddrs; i++)
		if (!is_link_local6(&s->addrs[i]) && !(s->addrs[i].flags & IFA_F_DADFAILED))
			n++;
	return n;
}

static int default_target(const struct nl_snapshot *s, struct diag_target *t)
{
	struct addrset set = { .n = 0 };
	int rc;

	for (int i = 0; i < s->naddrs; i++) {
		struct dev_addr d = { .family = s->addrs[i].family, .prefixlen = s->addrs[i].prefixlen };

		if (d.family != AF_INET)
			continue;
		memcpy(d.addr, s->addrs[i].addr, sizeof(d.addr));
		addrset_add(&set, &d);
	}
	memset(t, 0, sizeof(*t));
	rc = addrset_default_peer(&set, AF_INET, t->addr);
	addrset_free(&set);
	if (rc < 0)
		return -1;
	t->family = AF_INET;
	return 0;
}

/* "10.18.0.0/24": the subnet of the device's first IPv4 address (where default_target looks), or "". */
static const char *first_subnet4(const struct nl_snapshot *s, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int i = 0; i < s->naddrs; i++) {
		uint8_t net[16] = { 0 };
		char ip[INET_ADDRSTRLEN];
		int plen = s->addrs[i].prefixlen;

		if (s->addrs[i].family != AF_INET || plen > 32)
			continue;
		for (int b = 0; b < 4; b++) {
			int bits = plen - 8 * b;

			net[b] = s->addrs[i].addr[b] & (uint8_t)(bits >= 8 ? 0xff : bits <= 0 ? 0 : 0xff << (8 - bits));
		}
		snprintf(buf, len, "%s/%d", nlfmt_ip(AF_INET, net, ip, sizeof(ip)), plen);
		break;
	}
	return buf;
}

static void holders_text(const struct tun_info *tun, char *buf, size_t len)
{
	size_t off = 0;

	buf[0] = '\0';
	for (int i = 0; i < tun->nholders && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, "%s%s[%d]", i ? ", " : "", tun->holders[i].comm,
					tun->holders[i].pid);
}

static void check_carrier(const struct nl_snapshot *s, struct verdicts *vs)
{
	const struct tun_info *tun = &s->tun;
	const char *dev = s->ifname;
	char who[160];

	if (s->link.carrier) {
		/* a detached last queue keeps the carrier on some kernels, and drops all the same */
		if (tun->valid && tun->num_disabled_queues > 0 && tun->num_queues == 0)
			say(vs, DIAG_QUEUE_DETACHED, DIAG_BLOCK,
			    "queue detached: every queue of %s is detached — the kernel drops what it sends; re-attach one",
			    dev);
		return;
	}
	if (!tun->valid) {
		say(vs, DIAG_NO_CARRIER, DIAG_BLOCK, "NO-CARRIER: %s has no carrier (is its peer or cable down?)", dev);
		return;
	}
	if (tun->num_disabled_queues > 0 && tun->num_queues <= 0) {
		say(vs, DIAG_NO_CARRIER, DIAG_BLOCK,
		    "NO-CARRIER: the queue of %s is detached — nothing reads it; re-attach it", dev);
		return;
	}
	if (tun->nholders == 0) {
		say(vs, DIAG_NO_CARRIER, DIAG_BLOCK,
		    "NO-CARRIER: no program has %s open — tcpdump will see nothing; attach a reader", dev);
		return;
	}
	holders_text(tun, who, sizeof(who));
	say(vs, DIAG_NO_CARRIER, DIAG_BLOCK, "NO-CARRIER: %s is open by %s but its carrier is off — turn carrier on",
	    dev, who);
}

static void check_neighbours(const struct nl_snapshot *s, const struct diag_target *t, struct verdicts *vs)
{
	char ip[INET6_ADDRSTRLEN];

	for (int i = 0; i < s->nneighs; i++) {
		const struct snap_neigh *n = &s->neighs[i];
		const char *proto = n->family == AF_INET ? "ARP" : "NDP";

		if (t && t->family && (n->family != t->family || memcmp(n->dst, t->addr, n->family == AF_INET ? 4 : 16)))
			continue;
		nlfmt_ip(n->family, n->dst, ip, sizeof(ip));
		if ((n->state & NUD_FAILED) && t && t->held)
			say(vs, DIAG_NEIGH_FAILED, DIAG_BLOCK,
			    "%s for %s FAILED: the answers wait in the outbox, on hold (%u held: release them)", proto,
			    ip, t->held);
		else if (n->state & NUD_FAILED)
			say(vs, DIAG_NEIGH_FAILED, DIAG_BLOCK,
			    "%s for %s FAILED: nobody answered (turn on neighbour answers)", proto, ip);
		else if (n->state & NUD_INCOMPLETE)
			say(vs, DIAG_NEIGH_INCOMPLETE, DIAG_INFO, "%s for %s INCOMPLETE: asked, no answer yet", proto, ip);
	}
}

/* What tapscope saw: requests for the peer that nobody answered. */
static void check_unanswered(const struct diag_target *t, struct verdicts *vs)
{
	const char *proto = t->family == AF_INET ? "ARP" : "neighbour solicitations";
	char ip[INET6_ADDRSTRLEN];

	nlfmt_ip(t->family, t->addr, ip, sizeof(ip));
	if (t->neigh_unanswered && t->neigh_answers_off)
		say(vs, DIAG_NEIGH_UNANSWERED, DIAG_BLOCK,
		    "%s for %s unanswered: nobody answers as that peer — turn on neighbour answers", proto, ip);
	else if (t->neigh_unanswered)
		say(vs, DIAG_NEIGH_UNANSWERED, DIAG_BLOCK, "%s for %s unanswered: %s", proto, ip,
		    t->neigh_why ? t->neigh_why : "not answered");
	if (t->echo_unanswered && t->echo_answers_off)
		say(vs, DIAG_ECHO_UNANSWERED, DIAG_BLOCK, "echo requests to %s unanswered — turn on echo replies", ip);
	else if (t->echo_unanswered)
		say(vs, DIAG_ECHO_UNANSWERED, DIAG_BLOCK, "echo requests to %s unanswered: %s", ip,
		    t->echo_why ? t->echo_why : "not answered");
}

static void check_addresses(const struct nl_snapshot *s, struct verdicts *vs)
{
	char ip[INET6_ADDRSTRLEN];

	for (int i = 0; i < s->naddrs; i++)
		if (s->addrs[i].flags & IFA_F_DADFAILED)
			say(vs, DIAG_DAD_FAILED, DIAG_WARN, "address %s dadfailed: another host on %s has it",
			    nlfmt_ip(s->addrs[i].family, s->addrs[i].addr, ip, sizeof(ip)), s->ifname);
	if (count_usable_addrs(s) == 0)
		say(vs, DIAG_NO_ADDRESS, DIAG_BLOCK,
		    "no address: %s has no IPv4 or global IPv6 address — add one (e.g. 10.18.0.1/24)", s->ifname);
}

int diagnose_peer(const struct nl_snapshot *s, const struct diag_target *target, struct diag_target *t)
{
	memset(t, 0, sizeof(*t));
	if (target && target->family) {
		*t = *target;
		return 1;
	}
	return count_usable_addrs(s) > 0 && default_target(s, t) == 0;
}

int diagnose_run(const struct nl_snapshot *s, const struct diag_target *target, struct diag_verdict *out, int max)
{
	struct verdicts vs = { .v = out, .n = 0, .max = max };
	struct diag_target t = { .family = 0 };
	char ip[INET6_ADDRSTRLEN];
	int have_target;

	if (!s->link.present) {
		say(&vs, DIAG_NO_DEVICE, DIAG_BLOCK, "no device %s in this namespace", s->ifname);
		return vs.n;
	}
	if (!(s->link.flags & IFF_UP))
		say(&vs, DIAG_ADMIN_DOWN, DIAG_BLOCK, "admin DOWN: %s is down — set it up", s->ifname);
	check_carrier(s, &vs);
	check_addresses(s, &vs);
	have_target = diagnose_peer(s, target, &t);
	if (have_target && s->lookup.family == t.family && !memcmp(s->lookup.addr, t.addr, 16) &&
	    s->lookup.ifindex && s->lookup.ifindex != s->link.ifindex)	/* the kernel's own answer, first */
		say(&vs, DIAG_ROUTE_ELSEWHERE, DIAG_BLOCK,
		    "traffic for %s leaves by %s, not %s (ip route get %s) — give %s a subnet no other device has",
		    nlfmt_ip(t.family, t.addr, ip, sizeof(ip)), s->lookup.ifname, s->ifname, ip, s->ifname);
	else if (have_target && !route_to(s, &t))
		say(&vs, DIAG_NO_ROUTE, DIAG_BLOCK, "no route to %s via %s", nlfmt_ip(t.family, t.addr, ip, sizeof(ip)),
		    s->ifname);
	check_neighbours(s, target && target->family ? target : NULL, &vs);
	if (target && target->family)
		check_unanswered(target, &vs);
	if (s->rate.valid && s->rate.tx_dropped > 0)
		say(&vs, DIAG_TX_DROPPED, DIAG_WARN,
		    "tx_dropped rising (%.0f/s): the kernel drops frames it sends to %s — nobody reads them", s->rate.tx_dropped,
		    s->ifname);
	if (vs.n == 0) {
		char subnet[64];

		if (target && target->family)
			say(&vs, DIAG_OK, DIAG_INFO, "OK: %s is up with carrier, has an address and a route to %s", s->ifname,
			    nlfmt_ip(t.family, t.addr, ip, sizeof(ip)));
		else if (have_target && *first_subnet4(s, subnet, sizeof(subnet)))	/* no peer in sight: no host to name */
			say(&vs, DIAG_OK, DIAG_INFO, "OK: %s is up with carrier, has an address and a route to its peers in %s",
			    s->ifname, subnet);
		else if (have_target)
			say(&vs, DIAG_OK, DIAG_INFO, "OK: %s is up with carrier, has an address and a route to %s", s->ifname,
			    nlfmt_ip(t.family, t.addr, ip, sizeof(ip)));
		else
			say(&vs, DIAG_OK, DIAG_INFO, "OK: %s is up with carrier and has an address", s->ifname);
	}
	return vs.n;
}
