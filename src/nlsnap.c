/* nlsnap.c — the storage of a snapshot's addresses, routes and neighbours: grown to fit, reused, freed. */
#include "nlsnap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* arr grown (doubling) to hold want elements, or NULL with arr untouched. */
static void *grow(void *arr, int *cap, int want, size_t size)
{
	int n = *cap ? *cap : 16;
	void *p;

	while (n < want)
		n *= 2;
	p = realloc(arr, (size_t)n * size);
	if (p)
		*cap = n;
	return p;
}

void nlsnap_clear(struct nl_snapshot *s)
{
	struct snap_addr *a = s->addrs;
	struct snap_route *r = s->routes;
	struct snap_neigh *n = s->neighs;
	int ac = s->addrs_cap, rc = s->routes_cap, nc = s->neighs_cap;

	memset(s, 0, sizeof(*s));
	s->addrs = a, s->routes = r, s->neighs = n;
	s->addrs_cap = ac, s->routes_cap = rc, s->neighs_cap = nc;
}

int nlsnap_reserve(struct nl_snapshot *s, int naddrs, int nroutes, int nneighs)
{
	void *p;

	if (naddrs > s->addrs_cap) {
		if (!(p = grow(s->addrs, &s->addrs_cap, naddrs, sizeof(*s->addrs))))
			return -ENOMEM;
		s->addrs = p;
	}
	if (nroutes > s->routes_cap) {
		if (!(p = grow(s->routes, &s->routes_cap, nroutes, sizeof(*s->routes))))
			return -ENOMEM;
		s->routes = p;
	}
	if (nneighs > s->neighs_cap) {
		if (!(p = grow(s->neighs, &s->neighs_cap, nneighs, sizeof(*s->neighs))))
			return -ENOMEM;
		s->neighs = p;
	}
	return 0;
}

void nlsnap_free(struct nl_snapshot *s)
{
	free(s->addrs);
	free(s->routes);
	free(s->neighs);
	s->addrs = NULL, s->routes = NULL, s->neighs = NULL;
	s->addrs_cap = s->routes_cap = s->neighs_cap = 0;
	s->naddrs = s->nroutes = s->nneighs = 0;
}
