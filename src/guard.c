/* guard.c — a run keeps to what it owns: it notices its namespace or device going away under it, says so, and can make the device again. */
#include "guard.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "loop.h"
#include "privdrop.h"
#include "session.h"

static void say(struct session *s, const char *text)
{
	if (s->on_msg)
		s->on_msg(s, text, s->on_msg_arg);
}

static void on_netns_change(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct session *s = arg;
	enum netns_state now = netns_watch_read(&s->ns);
	char text[512];

	(void)loop;
	(void)fd;
	(void)events;
	if (now == s->ns.state)
		return;
	s->ns.state = now;
	if (now == NETNS_GONE)
		snprintf(text, sizeof(text), "namespace %s was deleted from outside (ip netns del?): tapscope goes on in it, "
			 "but ip netns exec %s no longer reaches it; nothing of that name is removed on exit",
			 s->ns.name, s->ns.name);
	else if (now == NETNS_REPLACED)
		snprintf(text, sizeof(text), "the name %s now belongs to another namespace (deleted and made again from "
			 "outside): tapscope goes on in its own, and leaves the new %s alone on exit", s->ns.name, s->ns.name);
	else
		snprintf(text, sizeof(text), "namespace %s is back under its name", s->ns.name);
	say(s, text);
}

void guard_start(struct session *s)
{
	int fd;

	if (!s->ns.name[0])
		return;
	fd = netns_watch(&s->ns);
	if (fd >= 0 && loop_add_fd(s->loop, fd, EPOLLIN, on_netns_change, s) < 0)
		netns_unwatch(&s->ns);
}

void guard_stop(struct session *s)
{
	if (s->ns.watching && s->loop)
		loop_del_fd(s->loop, s->ns.watch_fd);
	netns_unwatch(&s->ns);
}

void guard_device_lost(struct session *s, int e)
{
	int now = (int)if_nametoindex(s->dev.name);
	char text[512];
	int n;

	session_unwatch_device(s);
	tundev_close(&s->dev);
	s->dev.lost = 1;
	if (e == EBADFD)
		n = snprintf(text, sizeof(text), "device %s (index %d) was deleted from outside while tapscope held it "
			     "(ip link del, or ip tuntap del); no more frames from it, tapscope goes on", s->dev.name,
			     s->dev.ifindex);
	else
		n = snprintf(text, sizeof(text), "reading device %s failed: %s; no more frames from it, tapscope goes on",
			     s->dev.name, strerror(e));
	if (now && now != s->dev.ifindex && n > 0 && (size_t)n < sizeof(text))
		snprintf(text + n, sizeof(text) - (size_t)n, "; a new %s (index %d) is not tapscope's and is left alone",
			 s->dev.name, now);
	say(s, text);
}

int guard_recreate(struct session *s, char *err, size_t errlen)
{
	const struct dev_options *d = &s->opts->devs[s->index];
	struct tundev_opts o = d->dev;
	char name[IFNAMSIZ];
	int rc, idx;

	if (s->dev.fd >= 0) {
		snprintf(err, errlen, "%s is there and tapscope reads it", s->dev.name);
		return -EALREADY;
	}
	if ((rc = privdrop_refuse("creating a device", err, errlen)) < 0)
		return rc;
	snprintf(name, sizeof(name), "%s", s->dev.name);
	idx = (int)if_nametoindex(name);
	if (idx) {
		snprintf(err, errlen, "a device %s (index %d) exists, not made by this run: tapscope does not take it over "
			 "(delete it, or run tapscope --attach -i %s)", name, idx, name);
		return -EEXIST;
	}
	o.name = name;
	o.attach_only = 0;
	rc = tundev_open(&s->dev, &o, err, errlen);
	if (rc)
		return rc;
	if (!s->dev.tun)
		memcpy(s->resp.dev_mac, s->dev.mac, sizeof(s->resp.dev_mac));
	rc = session_configure(s, d, err, errlen);
	if (!rc)
		rc = session_watch_device(s, err, errlen);
	if (rc) {
		tundev_close(&s->dev);	/* not half made: it goes again */
		s->dev.lost = 1;
	}
	return rc;
}
