/* addrset.c — a device's own addresses and subnets: who is "us" and who is a peer. */
#include "addrset.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int addr_len(int family)
{
	return family == AF_INET ? 4 : 16;
}

int addrset_parse_cidr(const char *text, struct dev_addr *out)
{
	char host[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(text, '/');
	size_t hl = slash ? (size_t)(slash - text) : strlen(text);
	long prefix;
	char *end;

	memset(out, 0, sizeof(*out));
	if (hl == 0 || hl >= sizeof(host))
		return -EINVAL;
	memcpy(host, text, hl);
	host[hl] = '\0';
	if (inet_pton(AF_INET, host, out->addr) == 1)
		out->family = AF_INET;
	else if (inet_pton(AF_INET6, host, out->addr) == 1)
		out->family = AF_INET6;
	else
		return -EINVAL;
	if (!slash) {
		out->prefixlen = addr_len(out->family) * 8;
		return 0;
	}
	errno = 0;
	prefix = strtol(slash + 1, &end, 10);
	if (errno || end == slash + 1 || *end || prefix < 0 || prefix > addr_len(out->family) * 8)
		return -EINVAL;
	out->prefixlen = (int)prefix;
	return 0;
}

/* Room for at least want addresses (doubling, so adding one by one stays linear). */
static int grow(struct addrset *set, int want)
{
	int cap = set->cap ? set->cap : 8;
	struct dev_addr *a;

	while (cap < want)
		cap *= 2;
	a = realloc(set->a, (size_t)cap * sizeof(*a));
	if (!a)
		return -ENOMEM;
	set->a = a;
	set->cap = cap;
	return 0;
}

static int same_addr(const struct dev_addr *a, int family, const uint8_t *addr)
{
	return a->family == family && !memcmp(a->addr, addr, (size_t)addr_len(family));
}

int addrset_add(struct addrset *set, const struct dev_addr *addr)
{
	for (int i = 0; i < set->n; i++)
		if (same_addr(&set->a[i], addr->family, addr->addr) &&
		    set->a[i].prefixlen == addr->prefixlen)
			return 0;
	if (set->n >= set->cap && grow(set, set->n + 1) < 0)
		return -ENOMEM;
	set->a[set->n++] = *addr;
	return 0;
}

int addrset_append(struct addrset *set, const struct dev_addr *addr)
{
	if (set->n >= set->cap && grow(set, set->n + 1) < 0)
		return -ENOMEM;
	set->a[set->n++] = *addr;
	return 0;
}

void addrset_clear(struct addrset *set)
{
	set->n = 0;
}

int addrset_copy(struct addrset *dst, const struct addrset *src)
{
	if (dst == src)
		return 0;
	if (src->n > dst->cap && grow(dst, src->n) < 0)
		return -ENOMEM;
	if (src->n)
		memcpy(dst->a, src->a, (size_t)src->n * sizeof(src->a[0]));
	dst->n = src->n;
	return 0;
}

void addrset_free(struct addrset *set)
{
	free(set->a);
	set->a = NULL;
	set->n = set->cap = 0;
}

int addrset_remove(struct addrset *set, const struct dev_addr *addr)
{
	for (int i = 0; i < set->n; i++) {
		if (same_addr(&set->a[i], addr->family, addr->addr) &&
		    set->a[i].prefixlen == addr->prefixlen) {
			memmove(&set->a[i], &set->a[i + 1], (size_t)(set->n - i - 1) * sizeof(set->a[0]));
			set->n--;
			return 0;
		}
	}
	return -ENOENT;
}

int addrset_is_own(const struct addrset *set, int family, const uint8_t *addr)
{
	for (int i = 0; i < set->n; i++)
		if (same_addr(&set->a[i], family, addr))
			return 1;
	return 0;
}

static int in_prefix(const struct dev_addr *net, const uint8_t *addr)
{
	int bits = net->prefixlen, i = 0;

	for (; bits >= 8; bits -= 8, i++)
		if (net->addr[i] != addr[i])
			return 0;
	if (bits) {
		uint8_t mask = (uint8_t)(0xff << (8 - bits));

		if ((net->addr[i] & mask) != (addr[i] & mask))
			return 0;
	}
	return 1;
}

/* The network and (IPv4) broadcast addresses of a subnet are nobody's. */
static int is_edge(const struct dev_addr *net, const uint8_t *addr)
{
	uint32_t a, hostmask;

	if (net->family != AF_INET || net->prefixlen >= 31)
		return 0;
	a = (uint32_t)addr[0] << 24 | (uint32_t)addr[1] << 16 | (uint32_t)addr[2] << 8 | addr[3];
	hostmask = 0xffffffffu >> net->prefixlen;
	return (a & hostmask) == 0 || (a & hostmask) == hostmask;
}

int addrset_is_peer(const struct addrset *set, int family, const uint8_t *addr)
{
	if (addrset_is_own(set, family, addr))
		return 0;
	for (int i = 0; i < set->n; i++)
		if (set->a[i].family == family && set->a[i].prefixlen < addr_len(family) * 8 &&
		    in_prefix(&set->a[i], addr) && !is_edge(&set->a[i], addr))
			return 1;
	return 0;
}

int addrset_on_link(const struct addrset *set, int family, const uint8_t *addr)
{
	return addrset_is_own(set, family, addr) || addrset_is_peer(set, family, addr);
}

const struct dev_addr *addrset_first(const struct addrset *set, int family)
{
	for (int i = 0; i < set->n; i++)
		if (set->a[i].family == family)
			return &set->a[i];
	return NULL;
}

static void addr_increment(uint8_t *addr, int len)
{
	for (int i = len - 1; i >= 0; i--)
		if (++addr[i] != 0)
			break;
}

int addrset_default_peer(const struct addrset *set, int family, uint8_t *out)
{
	for (int i = 0; i < set->n; i++) {
		const struct dev_addr *a = &set->a[i];

		if (a->family != family || (family == AF_INET6 && a->addr[0] == 0xfe && (a->addr[1] & 0xc0) == 0x80))
			continue;	/* prefer a global subnet over link-local */
		memcpy(out, a->addr, (size_t)addr_len(family));
		for (int tries = 0; tries < 4; tries++) {
			addr_increment(out, addr_len(family));
			if (addrset_is_peer(set, family, out))
				return 0;
		}
	}
	return -ENOENT;
}

const char *addrset_format(const struct dev_addr *addr, char *buf, int len)
{
	char host[INET6_ADDRSTRLEN];

	inet_ntop(addr->family, addr->addr, host, sizeof(host));
	snprintf(buf, (size_t)len, "%s/%d", host, addr->prefixlen);
	return buf;
}

void peer_mac(int family, const uint8_t *addr, uint8_t mac[6])
{
	mac[0] = 0x02;
	if (family == AF_INET) {
		mac[1] = 0x00;
		memcpy(mac + 2, addr, 4);
	} else {
		mac[1] = 0x06;
		memcpy(mac + 2, addr + 12, 4);
	}
}
