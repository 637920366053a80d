/* diagnose.h — a short verdict on why traffic does or does not flow through the device, from a plain snapshot. */
#ifndef TAPSCOPE_DIAGNOSE_H
#define TAPSCOPE_DIAGNOSE_H

#include <stdint.h>

#include "nlsnap.h"

enum diag_code {
	DIAG_OK,		/* nothing in the way */
	DIAG_NO_DEVICE,
	DIAG_ADMIN_DOWN,
	DIAG_NO_CARRIER,
	DIAG_QUEUE_DETACHED,	/* multi-queue tun with every queue detached: the kernel drops all */
	DIAG_NO_ADDRESS,
	DIAG_DAD_FAILED,
	DIAG_NO_ROUTE,
	DIAG_NEIGH_FAILED,
	DIAG_NEIGH_INCOMPLETE,
	DIAG_TX_DROPPED,
	DIAG_NEIGH_UNANSWERED,	/* tapscope saw ARP/NS for the peer and nobody answered */
	DIAG_ECHO_UNANSWERED,	/* tapscope saw echo requests to the peer and nobody answered */
	DIAG_ROUTE_ELSEWHERE,	/* the device has a route to the peer, but another device's wins */
};

enum diag_level {
	DIAG_INFO,		/* worth knowing */
	DIAG_WARN,		/* some traffic is lost */
	DIAG_BLOCK,		/* nothing flows until this is fixed */
};

#define DIAG_MAX 8

struct diag_verdict {
	enum diag_code code;
	enum diag_level level;
	char text[200];
};

/* The peer the user is trying to reach; family 0: pick the first peer of the device's first
 * IPv4 subnet (as addrset_default_peer does). */
struct diag_target {
	int family;
	uint8_t addr[16];
	/* what tapscope itself saw of it recently (0: nothing unanswered) */
	unsigned neigh_unanswered, echo_unanswered;
	int neigh_answers_off, echo_answers_off;	/* unanswered because those answers are off */
	const char *neigh_why, *echo_why;		/* else why the peer did not answer */
	unsigned held;					/* frames waiting in the outbox on hold (step mode) */
};

/* Fills out[0..max) with verdicts, the cause first (admin down before no carrier before no
 * address before no route, neighbours, drops); with nothing wrong, one DIAG_OK verdict.
 * Pure: reads only s and target (NULL is fine). Returns the number of verdicts (>= 1 if max >= 1). */
int diagnose_run(const struct nl_snapshot *s, const struct diag_target *target, struct diag_verdict *out, int max);

/* The peer diagnose_run would judge the route to (target's, else the device's first IPv4
 * subnet's first peer) into *t: 1, or 0 when there is none. The caller asks the kernel where
 * traffic for it leaves (nlmodel_lookup into s->lookup) before diagnose_run. */
int diagnose_peer(const struct nl_snapshot *s, const struct diag_target *target, struct diag_target *t);

/* "OK", "NO-DEVICE", "ADMIN-DOWN", "NO-CARRIER", ... */
const char *diagnose_code_name(enum diag_code code);
const char *diagnose_level_name(enum diag_level level);

#endif
