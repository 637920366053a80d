/* peerwatch.h — what the kernel tried to reach through the device, as tapscope saw it: the peer to diagnose and its unanswered requests. */
#ifndef TAPSCOPE_PEERWATCH_H
#define TAPSCOPE_PEERWATCH_H

#include <stdint.h>
#include <sys/time.h>

#include "addrset.h"
#include "diagnose.h"
#include "frame.h"
#include "frameloc.h"
#include "responder.h"

#define PEERWATCH_MAX 32
#define PEERWATCH_RECENT_S 10	/* an unanswered request older than this is forgotten */
#define PEERWATCH_STICKY_S 3	/* the named peer changes only after this long without frames */

struct peerwatch_peer {
	int family;			/* 0: free */
	uint8_t addr[16];
	struct timeval seen;		/* the kernel's last frame for it */
	unsigned neigh_unanswered;	/* ARP/NS for it since the last answer */
	unsigned echo_unanswered;	/* echo requests to it since the last reply */
	struct timeval neigh_last, echo_last;	/* the last unanswered of each */
	enum resp_why neigh_why, echo_why;	/* why the last went unanswered */
};

struct peerwatch {
	struct peerwatch_peer peers[PEERWATCH_MAX];
	int current;			/* index of the peer diagnoses name, -1: none yet */
	int last;			/* index of the peer the last frame was for */
};

void peerwatch_init(struct peerwatch *pw);
/* Takes in a frame the kernel sent (to a peer of addrs) and what the responder did with it. */
void peerwatch_note(struct peerwatch *pw, const struct frame *f, const struct frameloc *loc,
		    const struct addrset *addrs, enum resp_why why);
/* Fills t with the peer to diagnose at time now (stable: it stays while it has traffic, and
 * a peer with unanswered requests wins over a quiet one), with what went unanswered.
 * Returns 0, or -ENOENT when the kernel has tried to reach no peer yet. */
int peerwatch_target(struct peerwatch *pw, const struct timeval *now, struct diag_target *t);

#endif
