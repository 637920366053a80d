/* cmdrun.h — a shell command run inside tapscope's network namespace, its output read a line at a time on the loop (the console, lessons' run:). */
#ifndef TAPSCOPE_CMDRUN_H
#define TAPSCOPE_CMDRUN_H

#include <stddef.h>
#include <sys/types.h>

struct loop;
struct cmdrun;

/* A line of the command's output (stdout and stderr together), without its newline. */
typedef void (*cmdrun_line_fn)(struct cmdrun *c, const char *line, void *arg);
/* The command ended and its output is all read: status is its exit code, or 128 + the
 * signal that ended it. The cmdrun is freed after this returns. */
typedef void (*cmdrun_exit_fn)(struct cmdrun *c, int status, void *arg);

/* Who the commands run as (set by --user: commands then run unprivileged). */
struct cmdrun_identity {
	uid_t uid;
	gid_t gid;
	int set;		/* 0: as tapscope itself */
};
void cmdrun_set_identity(const struct cmdrun_identity *id);

/* Runs `/bin/sh -c cmd` in its own process group, in the caller's network namespace, with
 * /sys remounted for that namespace (as `ip netns exec` does), stdin from /dev/null and
 * /usr/sbin on PATH. Returns NULL with err on failure. */
struct cmdrun *cmdrun_start(struct loop *loop, const char *cmd, cmdrun_line_fn on_line,
			    cmdrun_exit_fn on_exit, void *arg, char *err, size_t errlen);
/* Ctrl-C: SIGINT to the command's process group. */
void cmdrun_interrupt(struct cmdrun *c);
/* Ends the command now (SIGKILL to its group), reaps it and frees c without calling on_exit. */
void cmdrun_kill(struct cmdrun *c);
pid_t cmdrun_pid(const struct cmdrun *c);
const char *cmdrun_command(const struct cmdrun *c);

#endif
