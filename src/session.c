/* session.c — one tapscope run: device, namespace, responder, capture and injections on one loop. */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <linux/if_addr.h>
#include <linux/if_tun.h>
#include <pcap/dlt.h>

#include "bpf.h"
#include "nlaction.h"
#include "nlmodel.h"
#include "pcapout.h"

static void injection_free(struct session *s, struct injection *inj);

int session_dlt(const struct session *s)
{
	return s->dev.tun ? DLT_RAW : DLT_EN10MB;
}

static void msg(struct session *s, const char *fmt, const char *a, const char *b)
{
	char text[512];

	snprintf(text, sizeof(text), fmt, a, b);
	if (s->on_msg)
		s->on_msg(s, text, s->on_msg_arg);
}

/* Every frame, in or out, passes here: filter, pcap, the display hook, the count limit. */
static void deliver(struct session *s, struct frame *f)
{
	if (s->filter && !bpf_filter_match(s->filter, f))
		return;
	f->number = ++s->count.shown;
	if (s->pcap)
		pcapout_write(s->pcap, f);
	if (s->on_frame)
		s->on_frame(s, f, s->on_frame_arg);
	if (s->count_limit && s->count.shown >= (uint64_t)s->count_limit)
		loop_stop(s->loop, 0);
}

static void frame_init(struct session *s, struct frame *f, enum frame_dir dir, const uint8_t *data, size_t len)
{
	memset(f, 0, sizeof(*f));
	gettimeofday(&f->ts, NULL);
	f->dir = dir;
	f->dlt = session_dlt(s);
	f->has_pi = s->dev.pi;
	f->data = data;
	f->caplen = f->len = (uint32_t)len;
}

int session_send(struct session *s, const uint8_t *buf, size_t len)
{
	struct frame f;
	int rc = tundev_write(&s->dev, buf, len);

	if (rc < 0) {
		s->count.write_errors++;
		return rc;
	}
	s->count.out++;
	if (!loop_stopping(s->loop)) {
		frame_init(s, &f, FRAME_OUT, buf, len);
		deliver(s, &f);
	}
	return 0;
}

static void remember_last_in(struct session *s, const struct frame *f)
{
	memcpy(s->last_in, f->data, f->caplen);
	s->last_in_frame = *f;
	s->last_in_frame.data = s->last_in;
	s->have_last_in = 1;
}

static void handle_frame(struct session *s, size_t n)
{
	struct frame f;
	size_t reply;

	s->count.in++;
	frame_init(s, &f, FRAME_IN, s->rbuf, n);
	deliver(s, &f);		/* numbers it first, so last_in_frame.number names it */
	remember_last_in(s, &f);
	reply = responder_handle(&s->resp, &f, s->wbuf, sizeof(s->wbuf));
	if (reply && session_send(s, s->wbuf, reply) < 0)
		msg(s, "reply not written: %s%s", strerror(errno), "");
}

static void on_device(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct session *s = arg;

	(void)fd;
	if (events & (EPOLLERR | EPOLLHUP)) {
		msg(s, "device %s went away%s", s->dev.name, "");
		loop_stop(loop, 1);
		return;
	}
	for (int i = 0; i < SESSION_READ_BATCH && !loop_stopping(loop); i++) {
		ssize_t n = tundev_read(&s->dev, s->rbuf, sizeof(s->rbuf));

		if (n <= 0) {
			if (n < 0)
				msg(s, "reading %s: %s", s->dev.name, strerror((int)-n));
			return;
		}
		handle_frame(s, (size_t)n);
	}
}

/* A device this run created gets its addresses and is brought up; its addresses then reach
 * s->addrs through the model's feed (nlmodel_set_addrs_cb). */
static int configure(struct session *s, const struct options *o, char *err, size_t errlen)
{
	char cidr[64];
	int rc = 0;

	if (!s->dev.created || o->no_config)
		return 0;
	for (int i = 0; i < o->addrs.n && !rc; i++)
		rc = nlaction_addr_add(s->dev.name, addrset_format(&o->addrs.a[i], cidr, sizeof(cidr)), err, errlen);
	return rc ? rc : nlaction_link_set_up(s->dev.name, 1, err, errlen);
}



/* The responder never answers for the device's own addresses, so it follows them live. */
static void on_addrs(const struct addrset *addrs, void *arg)
{
	struct session *s = arg;

	s->addrs = *addrs;
}

int session_detach(struct session *s, char *err, size_t errlen)
{
	if (s->dev.fd < 0) {
		snprintf(err, errlen, "the queue is already detached");
		return -EALREADY;
	}
	/* closing the last fd of a non-persistent device deletes it: keep it while detached */
	s->detached_was_created = s->dev.created && !s->dev.persist;
	if (s->detached_was_created && ioctl(s->dev.fd, TUNSETPERSIST, 1) < 0) {
		snprintf(err, errlen, "cannot keep %s while detached: %s", s->dev.name, strerror(errno));
		return -errno;
	}
	loop_del_fd(s->loop, s->dev.fd);
	tundev_close(&s->dev);
	return 0;
}

static void on_device(struct loop *loop, int fd, uint32_t events, void *arg);

int session_reattach(struct session *s, char *err, size_t errlen)
{
	struct tundev_opts o = { .name = s->dev.name, .tun = s->dev.tun, .pi = s->dev.pi, .attach_only = 1 };
	char name[IFNAMSIZ];
	int rc;

	if (s->dev.fd >= 0) {
		snprintf(err, errlen, "the queue is attached already");
		return -EALREADY;
	}
	snprintf(name, sizeof(name), "%s", s->dev.name);
	o.name = name;
	rc = tundev_open(&s->dev, &o, err, errlen);
	if (rc)
		return rc;
	if (s->detached_was_created) {
		ioctl(s->dev.fd, TUNSETPERSIST, 0);
		s->dev.created = 1;	/* ours again: it goes when we close it */
	}
	rc = loop_add_fd(s->loop, s->dev.fd, EPOLLIN, on_device, s);
	if (rc)
		snprintf(err, errlen, "cannot watch %s: %s", s->dev.name, strerror(-rc));
	return rc;
}

int session_start(struct session *s, struct loop *loop, const struct options *o, char *err, size_t errlen)
{
	int rc;

	memset(s, 0, sizeof(*s));
	s->loop = loop;
	s->dev.fd = -1;
	s->count_limit = o->count;
	s->next_ip_id = 1;
	/* a bad filter is refused before anything is made */
	if (o->filter && !(s->filter = bpf_filter_new(o->dev.tun ? DLT_RAW : DLT_EN10MB, o->filter, err, errlen))) {
		char why[256];

		snprintf(why, sizeof(why), "%s", err);
		snprintf(err, errlen, "bad filter \"%s\": %s (tcpdump filter syntax, e.g. 'icmp or arp')", o->filter, why);
		return -EINVAL;
	}
	if (o->netns) {
		rc = netns_enter(&s->ns, o->netns, 1, err, errlen);
		if (rc)
			goto fail;
		if (s->ns.created && (rc = nlaction_link_set_up("lo", 1, err, errlen)))
			goto fail;
	}
	rc = tundev_open(&s->dev, &o->dev, err, errlen);
	if (rc)
		goto fail;
	rc = configure(s, o, err, errlen);
	if (rc)
		goto fail;
	s->model = nlmodel_new(loop, s->dev.name, err, errlen);
	if (!s->model) {
		rc = -EIO;
		goto fail;
	}
	nlmodel_set_addrs_cb(s->model, on_addrs, s);
	nlmodel_set_local_routes(s->model, o->local_routes);
	responder_init(&s->resp, &s->addrs, !s->dev.tun, s->dev.mac);
	s->resp.policy.answer_neigh = s->resp.policy.answer_echo = o->echo;
	if (o->write_path && !(s->pcap = pcapout_open(o->write_path, session_dlt(s), err, errlen))) {
		rc = -EIO;
		goto fail;
	}
	rc = loop_add_fd(loop, s->dev.fd, EPOLLIN, on_device, s);
	if (rc) {
		snprintf(err, errlen, "cannot watch %s: %s", s->dev.name, strerror(-rc));
		goto fail;
	}
	return 0;
fail:
	session_end(s);
	return rc;
}

void session_end(struct session *s)
{
	while (s->injections)
		injection_free(s, s->injections);
	nlmodel_free(s->model);
	s->model = NULL;
	if (s->dev.fd >= 0 && s->loop)
		loop_del_fd(s->loop, s->dev.fd);
	tundev_close(&s->dev);
	pcapout_close(s->pcap);
	s->pcap = NULL;
	if (s->filter)
		bpf_filter_free(s->filter);
	s->filter = NULL;
	netns_leave(&s->ns);
}

void session_flush(struct session *s)
{
	pcapout_flush(s->pcap);
}

int session_check_specs(const char *const *specs, int n, char *err, size_t errlen)
{
	struct craft_spec *spec = malloc(sizeof(*spec));
	int rc = 0;

	if (!spec)
		return -ENOMEM;
	for (int i = 0; i < n && !rc; i++)
		rc = craft_parse(specs[i], spec, err, errlen);
	free(spec);
	return rc;
}

/* A spec being sent: its repeats are timer ticks. IPv6 packets to or from a tentative
 * address are dropped by the kernel, so an icmp6 spec first waits (up to 3 s) for
 * duplicate address detection to finish. */
struct injection {
	struct session *s;
	struct injection *next;
	struct craft_spec spec;
	unsigned sent, count;
	int timer;
	int dad_waits;
};

#define DAD_POLL_NS 100000000ull
#define DAD_MAX_WAITS 30

/* From the live model: no netlink dump of our own. */
static int dad_running(struct session *s)
{
	static struct nl_snapshot snap;

	if (nlmodel_snapshot(s->model, &snap) < 0)
		return 0;
	for (int i = 0; i < snap.naddrs; i++)
		if (snap.addrs[i].family == AF_INET6 && (snap.addrs[i].flags & IFA_F_TENTATIVE))
			return 1;
	return 0;
}

static void injection_free(struct session *s, struct injection *inj)
{
	for (struct injection **p = &s->injections; *p; p = &(*p)->next) {
		if (*p == inj) {
			*p = inj->next;
			break;
		}
	}
	if (inj->timer >= 0)
		loop_del_timer(s->loop, inj->timer);
	free(inj);
}

static int inject_one(struct injection *inj, char *err, size_t errlen)
{
	struct session *s = inj->s;
	struct craft_ctx ctx = {
		.tap = !s->dev.tun, .pi = s->dev.pi, .addrs = &s->addrs,
		.last_in = s->have_last_in ? &s->last_in_frame : NULL, .next_ip_id = s->next_ip_id,
	};
	size_t len;
	int rc;

	memcpy(ctx.dev_mac, s->dev.mac, 6);
	rc = craft_build(&inj->spec, &ctx, inj->sent, s->wbuf, sizeof(s->wbuf), &len, err, errlen);
	if (rc)
		return rc;
	inj->sent++;
	if (!inj->spec.v6)
		s->next_ip_id++;
	rc = session_send(s, s->wbuf, len);
	if (rc)
		snprintf(err, errlen, "inject: writing to %s failed: %s", s->dev.name, strerror(-rc));
	return rc;
}

static void on_inject_timer(struct loop *loop, int timer, void *arg);

/* Sends the next packet of inj; returns 0 while it has more to send later, 1 when done, <0 on error. */
static int inject_step(struct injection *inj, char *err, size_t errlen)
{
	struct session *s = inj->s;
	uint64_t interval = craft_interval_ns(&inj->spec);
	int rc;

	if (inj->spec.v6 && !inj->sent && inj->dad_waits < DAD_MAX_WAITS && dad_running(s)) {
		inj->dad_waits++;
		inj->timer = loop_add_timer(s->loop, DAD_POLL_NS, 0, on_inject_timer, inj);
		return inj->timer < 0 ? inj->timer : 0;
	}
	rc = inject_one(inj, err, errlen);
	if (rc < 0)
		return rc;
	if (inj->sent >= inj->count)
		return 1;
	inj->timer = loop_add_timer(s->loop, interval, 0, on_inject_timer, inj);
	return inj->timer < 0 ? inj->timer : 0;
}

static void on_inject_timer(struct loop *loop, int timer, void *arg)
{
	struct injection *inj = arg;
	char err[256];
	int rc;

	(void)timer;
	inj->timer = -1;	/* one-shot: already removed by the loop */
	if (loop_stopping(loop))
		return;
	rc = inject_step(inj, err, sizeof(err));
	if (rc < 0)
		msg(inj->s, "%s%s", err, "");
	if (rc != 0)
		injection_free(inj->s, inj);
}

int session_inject(struct session *s, const struct craft_spec *spec, char *err, size_t errlen)
{
	struct injection *inj = calloc(1, sizeof(*inj));
	int rc;

	if (!inj)
		return -ENOMEM;
	inj->s = s;
	inj->spec = *spec;
	inj->count = craft_count(spec);
	inj->timer = -1;
	inj->next = s->injections;
	s->injections = inj;
	rc = inject_step(inj, err, errlen);
	if (rc != 0)
		injection_free(s, inj);
	return rc < 0 ? rc : 0;
}
