/* netns.h — enter a named network namespace, creating it the way `ip netns add` does. */
#ifndef TAPSCOPE_NETNS_H
#define TAPSCOPE_NETNS_H

#include <stddef.h>

#define NETNS_RUN_DIR "/run/netns"

struct netns {
	char name[64];
	char path[128];
	int created;		/* this run made it: netns_leave() deletes it */
};

/* Moves the calling process into namespace name (/run/netns/NAME), creating it if
 * missing and create is set. Returns 0 or -errno with a message in err. */
int netns_enter(struct netns *ns, const char *name, int create, char *err, size_t errlen);
/* Deletes the namespace's name if this run created it (the namespace itself dies when
 * the last process in it exits). Safe to call twice. */
void netns_leave(struct netns *ns);
/* 1 if a namespace of that name exists. */
int netns_exists(const char *name);
/* Checks a namespace name: letters, digits, '-', '_', '.', at most 63 bytes. */
int netns_valid_name(const char *name);

#endif
