/* responder.h — the simulated peers: ARP/NDP answers and echo replies, by a run-time policy. */
#ifndef TAPSCOPE_RESPONDER_H
#define TAPSCOPE_RESPONDER_H

#include <stddef.h>
#include <stdint.h>
#include "addrset.h"
#include "frame.h"

/* What the peers do; the UI toggles these while running. */
struct responder_policy {
	int answer_neigh;	/* ARP replies and IPv6 neighbour advertisements */
	int answer_echo;	/* ICMP and ICMPv6 echo replies */
};

struct responder_stats {
	uint64_t arp_replies, nd_adverts, echo_replies, echo6_replies;
};

struct responder {
	struct responder_policy policy;
	const struct addrset *addrs;	/* the device's own addresses: never answered for */
	int tap;
	uint8_t dev_mac[6];
	struct responder_stats stats;
};

void responder_init(struct responder *r, const struct addrset *addrs, int tap, const uint8_t dev_mac[6]);

/* Looks at a frame the kernel sent (in->data after any PI header is passed as-is;
 * in->has_pi says whether it is there). When a peer answers it, writes the reply
 * (with a PI header if the input had one) to out and returns its length; else 0. */
size_t responder_handle(struct responder *r, const struct frame *in, uint8_t *out, size_t cap);

#endif
