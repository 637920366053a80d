/* addrset.h — a device's own addresses and subnets: who is "us" and who is a peer. */
#ifndef TAPSCOPE_ADDRSET_H
#define TAPSCOPE_ADDRSET_H

#include <stdint.h>

struct dev_addr {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];	/* network order; IPv4 uses the first 4 bytes */
	int prefixlen;
};

/* As many addresses as the device has: a zeroed struct is an empty set; addrset_add grows it
 * and addrset_free releases it. Copy with addrset_copy, never by assignment. */
struct addrset {
	struct dev_addr *a;	/* n of them, room for cap */
	int n, cap;
};

/* Parses "10.18.0.1/24" or "fd00::1/64" (no prefix: /32 or /128). Returns 0 or -EINVAL. */
int addrset_parse_cidr(const char *text, struct dev_addr *out);
/* Adds an address unless already present. Returns 0, or -ENOMEM. */
int addrset_add(struct addrset *set, const struct dev_addr *addr);
/* Adds an address known not to be in the set yet (no search: building a large set stays
 * linear). Returns 0 or -ENOMEM. */
int addrset_append(struct addrset *set, const struct dev_addr *addr);
/* Empties the set, keeping its storage for reuse. */
void addrset_clear(struct addrset *set);
/* Makes dst hold what src holds (dst's own storage, grown as needed). 0 or -ENOMEM (dst unchanged). */
int addrset_copy(struct addrset *dst, const struct addrset *src);
/* Releases the storage; the set is empty and usable again. */
void addrset_free(struct addrset *set);
/* Removes an address (same family, bytes and prefix). Returns 0 or -ENOENT. */
int addrset_remove(struct addrset *set, const struct dev_addr *addr);
/* 1 if addr (4 or 16 bytes by family) is one of the device's own addresses. */
int addrset_is_own(const struct addrset *set, int family, const uint8_t *addr);
/* 1 if addr lies in one of the device's subnets and is not the device's own: a peer. */
int addrset_is_peer(const struct addrset *set, int family, const uint8_t *addr);
/* 1 if addr is the device's own or a peer: a valid unicast source on the device's link. */
int addrset_on_link(const struct addrset *set, int family, const uint8_t *addr);
/* The first own address of that family, or NULL. */
const struct dev_addr *addrset_first(const struct addrset *set, int family);
/* The first peer of that family in the device's first subnet of it: the address after
 * the device's own, skipping the network and broadcast addresses. Returns 0 or -ENOENT. */
int addrset_default_peer(const struct addrset *set, int family, uint8_t *out);
/* Formats "10.18.0.1/24" into buf. */
const char *addrset_format(const struct dev_addr *addr, char *buf, int len);

/* The stable, locally administered MAC tapscope gives a simulated peer:
 * IPv4 a.b.c.d -> 02:00:a:b:c:d; IPv6 -> 02:06: and the last four bytes. */
void peer_mac(int family, const uint8_t *addr, uint8_t mac[6]);

#endif
