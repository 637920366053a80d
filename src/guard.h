/* guard.h — a run keeps to what it owns: it notices its namespace or device going away under it, says so, and can make the device again. */
#ifndef TAPSCOPE_GUARD_H
#define TAPSCOPE_GUARD_H

#include <stddef.h>

struct session;

/* Watches the run's namespace name (inotify on /run/netns): when it is deleted, or comes to
 * name another namespace, the session's on_msg says so once, and the run goes on (in its own
 * namespace, which lives while tapscope is in it; on exit a name that is no longer ours is
 * left alone). Nothing to do without --netns. */
void guard_start(struct session *s);
void guard_stop(struct session *s);

/* Reading the device failed with error e (EBADFD: it was deleted from outside while tapscope
 * held it): stops reading it, marks it lost (s->dev.lost), and says so through on_msg with the
 * cause and what has the name now. The run goes on: the netlink model keeps following the name. */
void guard_device_lost(struct session *s, int e);

/* Makes the device again after it was lost (never takes over a device of that name that
 * someone else made meanwhile): creates it as the run's options say, configures it, and reads
 * it. 0, or -errno with err (-EEXIST: another device has the name; -EALREADY: it is there). */
int guard_recreate(struct session *s, char *err, size_t errlen);

#endif
