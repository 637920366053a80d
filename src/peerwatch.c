/* peerwatch.c — what the kernel tried to reach through the device, as tapscope saw it.
 *
 * The kernel sends no netlink event for a new INCOMPLETE neighbour, but tapscope sees the
 * who-has frames themselves; and whether an echo request was answered is known only here. */
#include "peerwatch.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "proto.h"

void peerwatch_init(struct peerwatch *pw)
{
	memset(pw, 0, sizeof(*pw));
	pw->current = -1;
}

static int alen(int family)
{
	return family == AF_INET ? 4 : 16;
}

/* The peer's slot: found, else a free one, else the one seen longest ago. */
static struct peerwatch_peer *slot_for(struct peerwatch *pw, int family, const uint8_t *addr)
{
	struct peerwatch_peer *victim = NULL, *last = &pw->peers[pw->last];

	if (last->family == family && !memcmp(last->addr, addr, (size_t)alen(family)))
		return last;	/* a flood goes to one peer: no search */
	for (int i = 0; i < PEERWATCH_MAX; i++) {
		struct peerwatch_peer *p = &pw->peers[i];

		if (p->family == family && !memcmp(p->addr, addr, (size_t)alen(family))) {
			pw->last = i;
			return p;
		}
		if (!victim || (victim->family && (!p->family || timercmp(&p->seen, &victim->seen, <))))
			victim = p;
	}
	if (victim - pw->peers == pw->current)
		pw->current = -1;
	memset(victim, 0, sizeof(*victim));
	victim->family = family;
	memcpy(victim->addr, addr, (size_t)alen(family));
	pw->last = (int)(victim - pw->peers);
	return victim;
}

static int is_neigh_request(const struct frameloc *loc)
{
	return loc->arp_op == ARP_OP_REQUEST ||
	       (loc->af == AF_INET6 && loc->l4proto == IPP_ICMPV6 && loc->icmp_type == ICMP6_T_NEIGH_SOLICIT);
}

static int is_echo_request(const struct frameloc *loc)
{
	return (loc->af == AF_INET && loc->l4proto == IPP_ICMP && loc->icmp_type == ICMP_T_ECHO_REQUEST) ||
	       (loc->af == AF_INET6 && loc->l4proto == IPP_ICMPV6 && loc->icmp_type == ICMP6_T_ECHO_REQUEST);
}

void peerwatch_note(struct peerwatch *pw, const struct frame *f, const struct frameloc *loc,
		    const struct addrset *addrs, enum resp_why why)
{
	struct peerwatch_peer *p;
	uint8_t target[16] = { 0 };
	int family;

	if (f->dir != FRAME_IN || !(family = frameloc_target(loc, f, target)) ||
	    !addrset_is_peer(addrs, family, target))
		return;		/* multicast, the device itself, or off-link: not a peer */
	p = slot_for(pw, family, target);
	p->seen = f->ts;
	if (is_neigh_request(loc)) {
		if (why == RESP_ANSWERED) {
			p->neigh_unanswered = 0;
		} else {
			p->neigh_unanswered++;
			p->neigh_last = f->ts;
			p->neigh_why = why;
		}
	} else if (is_echo_request(loc)) {
		if (why == RESP_ANSWERED) {
			p->echo_unanswered = 0;
		} else {
			p->echo_unanswered++;
			p->echo_last = f->ts;
			p->echo_why = why;
		}
	}
}

static int recent(const struct timeval *t, const struct timeval *now, long seconds)
{
	return t->tv_sec && now->tv_sec - t->tv_sec <= seconds;
}

static int has_problem(const struct peerwatch_peer *p, const struct timeval *now)
{
	return (p->neigh_unanswered && recent(&p->neigh_last, now, PEERWATCH_RECENT_S)) ||
	       (p->echo_unanswered && recent(&p->echo_last, now, PEERWATCH_RECENT_S));
}

/* Keep the named peer while it is active and no other has a problem it lacks. */
static int choose(struct peerwatch *pw, const struct timeval *now)
{
	int best = -1, cur = pw->current;

	if (cur >= 0 && pw->peers[cur].family && recent(&pw->peers[cur].seen, now, PEERWATCH_STICKY_S) &&
	    has_problem(&pw->peers[cur], now))
		return cur;
	for (int i = 0; i < PEERWATCH_MAX; i++) {
		const struct peerwatch_peer *p = &pw->peers[i];

		if (p->family && has_problem(p, now) && (best < 0 || timercmp(&p->seen, &pw->peers[best].seen, >)))
			best = i;
	}
	if (best >= 0)
		return best;
	if (cur >= 0 && pw->peers[cur].family && recent(&pw->peers[cur].seen, now, PEERWATCH_STICKY_S))
		return cur;
	for (int i = 0; i < PEERWATCH_MAX; i++)
		if (pw->peers[i].family && (best < 0 || timercmp(&pw->peers[i].seen, &pw->peers[best].seen, >)))
			best = i;
	return best;
}

int peerwatch_target(struct peerwatch *pw, const struct timeval *now, struct diag_target *t)
{
	const struct peerwatch_peer *p;
	int i = choose(pw, now);

	memset(t, 0, sizeof(*t));
	if (i < 0)
		return -ENOENT;
	pw->current = i;
	p = &pw->peers[i];
	t->family = p->family;
	memcpy(t->addr, p->addr, (size_t)alen(p->family));
	if (p->neigh_unanswered && recent(&p->neigh_last, now, PEERWATCH_RECENT_S)) {
		t->neigh_unanswered = p->neigh_unanswered;
		t->neigh_why = responder_why_text(p->neigh_why);
		t->neigh_answers_off = p->neigh_why == RESP_NEIGH_OFF;
	}
	if (p->echo_unanswered && recent(&p->echo_last, now, PEERWATCH_RECENT_S)) {
		t->echo_unanswered = p->echo_unanswered;
		t->echo_why = responder_why_text(p->echo_why);
		t->echo_answers_off = p->echo_why == RESP_ECHO_OFF;
	}
	return 0;
}
