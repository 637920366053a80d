/* responder.h — the simulated peers: ARP/NDP answers and echo replies, only where a correct host would answer. */
#ifndef TAPSCOPE_RESPONDER_H
#define TAPSCOPE_RESPONDER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

#include "addrset.h"
#include "frame.h"
#include "frameloc.h"

/* What the peers do; the UI, lessons and the console toggle these while running. */
struct responder_policy {
	int answer_neigh;	/* ARP replies and IPv6 neighbour advertisements */
	int answer_echo;	/* ICMP and ICMPv6 echo replies */
};

/* Why a frame got no answer. RESP_ANSWERED and RESP_NOT_REQUEST are not refusals. */
enum resp_why {
	RESP_ANSWERED,
	RESP_NOT_REQUEST,	/* nothing a peer answers (a reply, MLD, a router solicitation...) */
	RESP_NEIGH_OFF,		/* neighbour answers are off */
	RESP_ECHO_OFF,		/* echo replies are off */
	RESP_NOT_PEER,		/* for the device's own address or outside its subnets */
	RESP_TRUNCATED,
	RESP_BAD_HEADER,	/* IP lengths contradict the header */
	RESP_FRAGMENT,
	RESP_EXT_HEADERS,	/* IPv6 extension headers: answered only without them */
	RESP_BAD_IP_CSUM,
	RESP_BAD_ICMP_CSUM,
	RESP_TTL_ZERO,
	RESP_BAD_SOURCE,	/* multicast, broadcast, unspecified or off-link source */
	RESP_BAD_DEST,		/* multicast/broadcast destination, or a link-layer address not the peer's */
	RESP_BAD_OPTIONS,	/* invalid IPv4 options */
	RESP_PI_MISMATCH,	/* the PI header's protocol is not the packet's */
	RESP_DAD_PROBE,		/* duplicate address detection (NS from ::) or an ARP probe (from 0.0.0.0) */
	RESP_GRATUITOUS,	/* gratuitous ARP: an announcement, not a question */
	RESP_BAD_NDP,		/* hop limit not 255, code not 0, multicast target, bad option */
	RESP_BAD_ARP,		/* not a request for IPv4 over Ethernet, or sender MAC mismatch */
	RESP_NO_ROOM,		/* the reply does not fit the output buffer */
	RESP_WHY_COUNT
};

struct responder_stats {
	uint64_t arp_replies, nd_adverts, echo_replies, echo6_replies;
	uint64_t refused[RESP_WHY_COUNT];	/* by reason (RESP_ANSWERED and RESP_NOT_REQUEST unused) */
};

/* A neighbour request that went unanswered while answers were off: answered at once when
 * they are turned on, so the kernel's neighbour entry need not wait for its next probe. */
#define RESP_PENDING_MAX 16
#define RESP_PENDING_BYTES 256
#define RESP_PENDING_SECONDS 5

struct resp_pending {
	struct frame f;
	uint8_t data[RESP_PENDING_BYTES];
	uint8_t target[16];
	int family;		/* 0: free slot */
};

struct responder {
	struct responder_policy policy;
	const struct addrset *addrs;	/* the device's own addresses: never answered for */
	int tap;
	uint8_t dev_mac[6];
	struct responder_stats stats;
	struct resp_pending pending[RESP_PENDING_MAX];
};

void responder_init(struct responder *r, const struct addrset *addrs, int tap, const uint8_t dev_mac[6]);

/* Looks at a frame the kernel sent (loc: frameloc_compute of it). When a peer answers it,
 * writes the reply to out (with a PI header naming the reply's protocol if the input had
 * one) and returns its length; the reply is never longer than cap. Otherwise returns 0.
 * *why (may be NULL) says what happened; refusals are counted in stats. */
size_t responder_handle(struct responder *r, const struct frame *f, const struct frameloc *loc,
			uint8_t *out, size_t cap, enum resp_why *why);

/* Takes the next neighbour request that was refused only because answers were off and
 * arrived within RESP_PENDING_SECONDS before now (one per target, the newest). Copies it
 * to *f (data points into r, valid until the next responder call). Returns 1, or 0 when
 * none is left. Older ones are forgotten. */
int responder_take_pending(struct responder *r, const struct timeval *now, struct frame *f);

/* "bad ICMP checksum", "neighbour answers are off", ... (for "not answered: %s"). */
const char *responder_why_text(enum resp_why why);
/* 1 when why is a refusal worth telling ("not answered: ..."). */
int responder_why_is_refusal(enum resp_why why);

#endif
