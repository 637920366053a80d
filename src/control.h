/* control.h — named actions read a line at a time from a file, a FIFO or stdin, on the loop (--control): scripts drive a headless run. */
#ifndef TAPSCOPE_CONTROL_H
#define TAPSCOPE_CONTROL_H

#include <stddef.h>

struct session;
struct control;

/* Called with each action's line and what it answered (rc < 0: it failed). */
typedef void (*control_reply_fn)(const char *line, int rc, const char *msg, void *arg);

/* Opens path ('-': stdin; a FIFO is opened read-write so that writers may come and go) and
 * runs each line through action_run on one of the n devices: "@NAME action" picks one, else
 * the first. NULL with err on failure. */
struct control *control_open(struct session *ss, int n, const char *path, control_reply_fn reply, void *arg,
			     char *err, size_t errlen);
void control_close(struct control *c);

#endif
