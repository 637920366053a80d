/* action.h — named actions on a session ("echo on", "release 3", "addr add 10.18.1.1/24"): what keys, lessons, the console and --control call by name. */
#ifndef TAPSCOPE_ACTION_H
#define TAPSCOPE_ACTION_H

#include <stddef.h>

struct session;

enum action_flags {
	ACTION_CHANGES_DEVICE = 1 << 0,	/* changes the kernel's device (needs CAP_NET_ADMIN) */
	ACTION_DESTRUCTIVE = 1 << 1,	/* loses something (an address, the link): the UI asks first */
};

/* Runs one action: argv[0] is its name. Returns 0 with what happened in msg (one line,
 * may be empty), or negative with msg naming the problem and what would be valid. */
typedef int (*action_fn)(struct session *s, int argc, char **argv, char *msg, size_t msglen);

struct action_def {
	const char *name;	/* "echo" */
	const char *usage;	/* "echo on|off|toggle" */
	const char *help;	/* one line: what it does */
	action_fn fn;
	unsigned flags;		/* enum action_flags */
};

/* Splits line into words (a spec's double-quoted values stay whole) and runs the action
 * named by the first. Blank lines and lines starting with '#' do nothing and return 0. */
int action_run(struct session *s, const char *line, char *msg, size_t msglen);
/* The same on one of n devices: a line "@tun0 echo on" acts on tun0, else on ss[0]. */
int action_run_on(struct session *ss, int n, const char *line, char *msg, size_t msglen);
/* 1 when the line's first word names an action (or a device, @NAME). */
int action_is_named(const char *line);
/* The same with the words already split. */
int action_runv(struct session *s, int argc, char **argv, char *msg, size_t msglen);
/* The action called name, or NULL. */
const struct action_def *action_find(const char *name);
/* Every action, ending with a row whose name is NULL. */
const struct action_def *action_list(void);

#endif
