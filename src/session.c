/* session.c — one device's run: start and end, detach and re-attach, the responder's policy and the diagnosis. */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <pcap/dlt.h>

#include "bpf.h"
#include "devreader.h"
#include "guard.h"
#include "nlaction.h"
#include "nlmodel.h"
#include "nlstatus.h"
#include "pcapout.h"
#include "privdrop.h"

void session_jobs_free(struct session *s);

int session_dlt(const struct session *s)
{
	return s->dev.tun ? DLT_RAW : DLT_EN10MB;
}

/* A device this run created gets its addresses and is brought up; its addresses then reach
 * s->addrs through the model's feed (nlmodel_set_addrs_cb). */
int session_configure(struct session *s, const struct dev_options *d, char *err, size_t errlen)
{
	char cidr[64];
	int rc = 0;

	if (!s->dev.created || d->no_config)
		return 0;
	for (int i = 0; i < d->addrs.n && !rc; i++)
		rc = nlaction_addr_add(s->dev.name, addrset_format(&d->addrs.a[i], cidr, sizeof(cidr)), err, errlen);
	return rc ? rc : nlaction_link_set_up(s->dev.name, 1, err, errlen);
}

/* The responder never answers for the device's own addresses, so it follows them live. */
static void on_addrs(const struct addrset *addrs, void *arg)
{
	struct session *s = arg;

	addrset_copy(&s->addrs, addrs);
}

/* Reading goes through a devreader (io_uring, or read() when TAPSCOPE_NO_URING is set or the
 * kernel refuses io_uring); its fd is what the loop watches. */
int session_watch_device(struct session *s, char *err, size_t errlen)
{
	int rc;

	char dummy[8];

	if (!err)
		err = dummy, errlen = sizeof(dummy);
	s->reader = devreader_new(s->dev.fd, SESSION_FRAME_MAX, s->reader_mode, err, errlen);
	if (!s->reader)
		return -EIO;
	s->watched_fd = devreader_fd(s->reader);
	rc = loop_add_fd(s->loop, s->watched_fd, EPOLLIN, session_on_device, s);
	if (rc) {
		snprintf(err, errlen, "cannot watch %s: %s", s->dev.name, strerror(-rc));
		devreader_free(s->reader);
		s->reader = NULL;
	}
	return rc;
}

void session_unwatch_device(struct session *s)
{
	if (!s->reader)
		return;
	if (s->loop)
		loop_del_fd(s->loop, s->watched_fd);
	devreader_free(s->reader);	/* before the fd closes: reads in flight hold the queue */
	s->reader = NULL;
}

static void before_sleep(struct loop *loop, void *arg)
{
	(void)loop;
	session_drain(arg);
}

int session_detach(struct session *s, char *err, size_t errlen)
{
	int rc;

	if (s->dev.fd < 0) {
		snprintf(err, errlen, "the queue is already detached");
		return -EALREADY;
	}
	if ((rc = privdrop_refuse("detaching the queue", err, errlen)) < 0)
		return rc;	/* re-attaching would need CAP_NET_ADMIN */
	session_unwatch_device(s);
	rc = tundev_detach(&s->dev, err, errlen);	/* a device this run made is kept meanwhile */
	if (rc)
		session_watch_device(s, NULL, 0);
	return rc;
}

int session_reattach(struct session *s, char *err, size_t errlen)
{
	int rc = tundev_reattach(&s->dev, err, errlen);	/* on failure nothing changes: try again later */

	if (!rc)
		rc = session_watch_device(s, err, errlen);
	if (!rc)
		session_drain(s);
	return rc;
}

/* A device the lesson makes itself later: nothing is opened now, the attach action opens it. */
static void start_absent(struct session *s, const struct dev_options *d)
{
	snprintf(s->dev.name, sizeof(s->dev.name), "%s", d->dev.name);
	s->dev.tun = d->dev.tun;
	s->dev.pi = d->dev.pi;
	s->dev.fd = -1;
}

int session_start(struct session *s, struct loop *loop, const struct options *o, int index, char *err,
		  size_t errlen)
{
	const struct dev_options *d = &o->devs[index];
	int rc;

	memset(s, 0, sizeof(*s));
	s->loop = loop;
	s->opts = o;
	s->index = index;
	s->dev.fd = -1;
	s->next_ip_id = 1;
	s->reader_mode = o->no_uring || getenv("TAPSCOPE_NO_URING") ? DEVREADER_READ :
			 getenv("TAPSCOPE_URING") && !strcmp(getenv("TAPSCOPE_URING"), "always") ? DEVREADER_URING :
			 DEVREADER_AUTO;
	outbox_init(&s->outbox);
	peerwatch_init(&s->peers);
	/* a bad filter is refused before anything is made */
	if (o->filter && !(s->filter = bpf_filter_new(d->dev.tun ? DLT_RAW : DLT_EN10MB, o->filter, err, errlen))) {
		char why[256];

		snprintf(why, sizeof(why), "%s", err);
		snprintf(err, errlen, "bad filter \"%s\": %s", o->filter, why);
		return -EINVAL;
	}
	if (quotering_init(&s->quotes) < 0) {
		snprintf(err, errlen, "out of memory");
		rc = -ENOMEM;
		goto fail;
	}
	if (o->netns && index == 0) {	/* the devices after the first are made in it too */
		rc = netns_enter(&s->ns, o->netns, 1, err, errlen);
		if (rc)
			goto fail;
		if (s->ns.created && (rc = nlaction_link_set_up("lo", 1, err, errlen)))
			goto fail;
	}
	if (d->absent) {
		start_absent(s, d);
	} else {
		rc = tundev_open(&s->dev, &d->dev, err, errlen);
		if (!rc)
			rc = session_configure(s, d, err, errlen);
		if (rc)
			goto fail;
	}
	s->model = nlmodel_new(loop, s->dev.name, err, errlen);
	if (!s->model) {
		rc = -EIO;
		goto fail;
	}
	nlmodel_set_addrs_cb(s->model, on_addrs, s);
	nlmodel_set_local_routes(s->model, o->local_routes);
	responder_init(&s->resp, &s->addrs, !s->dev.tun, s->dev.mac);
	s->resp.policy.answer_neigh = s->resp.policy.answer_echo = o->echo;
	if (o->write_path &&
	    !(s->pcap = pcapout_open_as(o->write_path, session_dlt(s), s->dev.name, o->pcapng, err, errlen))) {
		rc = -EIO;
		goto fail;
	}
	if (!d->absent && (rc = session_watch_device(s, err, errlen)))
		goto fail;
	loop_add_before_sleep(loop, before_sleep, s);
	guard_start(s);
	return 0;
fail:
	session_end(s);
	return rc;
}

void session_end(struct session *s)
{
	guard_stop(s);
	session_jobs_free(s);
	outbox_clear(&s->outbox);
	if (s->loop)
		loop_del_before_sleep(s->loop, before_sleep, s);
	nlmodel_free(s->model);
	s->model = NULL;
	session_unwatch_device(s);
	tundev_close(&s->dev);
	session_finish_pcap(s);
	if (s->filter)
		bpf_filter_free(s->filter);
	s->filter = NULL;
	quotering_free(&s->quotes);
	netns_leave(&s->ns);
	addrset_free(&s->addrs);
}

void session_flush(struct session *s)
{
	char text[512];

	pcapout_flush(s->pcap);
	if (pcapout_take_error(s->pcap, text, sizeof(text)) < 0)
		session_msg(s, "%s", text);	/* once; capture goes on */
}

void session_finish_pcap(struct session *s)
{
	if (!s->pcap)
		return;
	pcapout_end(s->pcap, &s->pcap_result);
	s->pcap = NULL;
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

void session_set_neigh(struct session *s, int on)
{
	s->resp.policy.answer_neigh = on;
	if (on)
		session_answer_pending(s);
}

void session_set_echo(struct session *s, int on)
{
	s->resp.policy.answer_echo = on;
}

int session_diagnose(struct session *s, struct diag_verdict *out, int max)
{
	static struct nl_snapshot snap;
	struct diag_target t;
	struct timeval now;
	int seen;

	gettimeofday(&now, NULL);
	seen = peerwatch_target(&s->peers, &now, &t) == 0;
	if (seen)
		t.held = s->outbox.hold ? (unsigned)s->outbox.n : 0;
	nlstatus_snapshot(s->model, seen ? &t : NULL, &snap);
	return diagnose_run(&snap, seen ? &t : NULL, out, max);
}

int64_t session_kernel_drops(struct session *s)
{
	struct nl_counters c;

	if (nlmodel_read_counters(s->model, &c) < 0)
		return -1;
	return (int64_t)c.tx_dropped;
}
