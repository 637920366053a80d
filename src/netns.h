/* netns.h — enter a named network namespace, creating it the way `ip netns add` does. */
#ifndef TAPSCOPE_NETNS_H
#define TAPSCOPE_NETNS_H

#include <stddef.h>
#include <sys/types.h>

#define NETNS_RUN_DIR "/run/netns"

/* What netns_check finds the name pointing at now. */
enum netns_state { NETNS_OURS, NETNS_GONE, NETNS_REPLACED };

struct netns {
	char name[64];
	char path[128];
	int created;		/* this run made it: netns_leave() deletes it (if still the same one) */
	dev_t dev;		/* the namespace's identity (nsfs st_dev, st_ino), taken on entering */
	ino_t ino;
	int watching;		/* watch_fd is open (a zeroed struct is not watching) */
	int watch_fd;		/* inotify on NETNS_RUN_DIR (netns_watch) */
	enum netns_state state;	/* as last checked */
	int has_remover;	/* a helper removes the name (netns_keep_remover) */
	int remover_fd;
	pid_t remover_pid;
};

/* Moves the calling process into namespace name (/run/netns/NAME), creating it if
 * missing and create is set. Returns 0 or -errno with a message in err. */
int netns_enter(struct netns *ns, const char *name, int create, char *err, size_t errlen);
/* Deletes the namespace's name if this run created it and the name still names that same
 * namespace (same st_dev/st_ino): a namespace of that name made by someone else meanwhile is
 * left alone. The namespace itself dies when the last process in it exits. Returns 0 (removed,
 * or nothing to remove), -ESTALE (the name now names another namespace: left alone), -ENOENT
 * (the name was deleted from outside already) or -errno. Safe to call twice. */
int netns_leave(struct netns *ns);
/* For a run that gives up root (--user): forks a helper that keeps root, holds nothing else
 * (every other fd closed, its own session, terminal signals ignored) and removes the name,
 * as netns_leave would, when netns_leave asks it or when tapscope dies however it dies.
 * Returns 0 or -errno. */
int netns_keep_remover(struct netns *ns);
/* Where the name points now: at the namespace this run entered, at nothing, or at another. */
enum netns_state netns_check(const struct netns *ns);
/* Starts watching NETNS_RUN_DIR (inotify, non-blocking): returns the fd to poll (also kept in
 * ns->watch_fd), or -errno. netns_watch_read drains it and returns netns_check's answer. */
int netns_watch(struct netns *ns);
enum netns_state netns_watch_read(struct netns *ns);
void netns_unwatch(struct netns *ns);
/* 1 if a namespace of that name exists. */
int netns_exists(const char *name);
/* Checks a namespace name: letters, digits, '-', '_', '.', at most 63 bytes. */
int netns_valid_name(const char *name);

#endif
