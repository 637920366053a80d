/* craft_priv.h — helpers shared by the craft_*.c files; not for other modules. */
#ifndef TAPSCOPE_CRAFT_PRIV_H
#define TAPSCOPE_CRAFT_PRIV_H

#include <stddef.h>

#include "craft.h"

/* Message body families (craft_kind). */
enum {
	CRAFT_K_OTHER,		/* 4 zero bytes of rest-of-header, then payload */
	CRAFT_K_ECHO,		/* id, seq, payload */
	CRAFT_K_TSTAMP,		/* id, seq, originate/receive/transmit timestamps */
	CRAFT_K_MASK,		/* id, seq, address mask */
	CRAFT_K_ERROR,		/* 4 type-specific bytes, then the quoted datagram */
	CRAFT_K_RADV4,		/* RFC 1256 router advertisement */
	CRAFT_K_NDP,		/* RFC 4861 messages with options */
};

/* ICMPv6 NDP type numbers. */
enum {
	ND_RS = 133, ND_RA = 134, ND_NS = 135, ND_NA = 136, ND_REDIRECT = 137,
};

int craft_kind(int v6, int type);

#endif
