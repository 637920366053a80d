/* session_jobs.c — injection jobs: a spec sent count times, interval apart, through the outbox; with an id, progress and cancel. */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_addr.h>

#include "nlmodel.h"

/* IPv6 packets to or from a tentative address are dropped by the kernel, so an icmp6 job
 * first waits (up to 3 s) for duplicate address detection to finish. */
#define DAD_POLL_NS 100000000ull
#define DAD_MAX_WAITS 30

static const struct frame *find_frame(void *arg, uint64_t number)
{
	struct session *s = arg;

	return quotering_get(&s->quotes, number);
}

void session_craft_ctx(struct session *s, struct craft_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->tap = !s->dev.tun;
	ctx->pi = s->dev.pi;
	ctx->addrs = &s->addrs;
	ctx->last_in = s->have_last_in ? &s->last_in_frame : NULL;
	ctx->find_frame = find_frame;
	ctx->find_arg = s;
	ctx->next_ip_id = s->next_ip_id;
	memcpy(ctx->dev_mac, s->dev.mac, 6);
}

const char *session_job_state_name(enum job_state st)
{
	static const char *const names[] = { "waiting for DAD", "running", "done", "cancelled", "failed" };

	return (unsigned)st < sizeof(names) / sizeof(names[0]) ? names[st] : "?";
}

/* From the live model: no netlink dump of our own. */
static int dad_running(struct session *s)
{
	return nlmodel_dad_running(s->model);
}

static int job_finished(const struct inject_job *j)
{
	return j->state == JOB_DONE || j->state == JOB_CANCELLED || j->state == JOB_FAILED;
}

/* Finished jobs stay listed for a while; the oldest finished beyond SESSION_JOBS_KEPT go. */
static void prune_jobs(struct session *s)
{
	int kept = 0;

	for (struct inject_job **p = &s->jobs; *p;) {
		struct inject_job *j = *p;

		if (job_finished(j) && ++kept > SESSION_JOBS_KEPT) {
			*p = j->next;
			free(j);
			continue;
		}
		p = &j->next;
	}
}

static void job_stop(struct inject_job *j, enum job_state st)
{
	if (j->timer >= 0)
		loop_del_timer(j->s->loop, j->timer);
	j->timer = -1;
	j->state = st;
}

static int job_queue_one(struct inject_job *j, char *err, size_t errlen)
{
	struct session *s = j->s;
	struct craft_ctx ctx;
	size_t len;
	int64_t id;
	int rc;

	session_craft_ctx(s, &ctx);
	rc = craft_build(&j->spec, &ctx, j->made, s->wbuf, sizeof(s->wbuf), &len, err, errlen);
	if (rc)
		return rc;
	if (!j->spec.v6)
		s->next_ip_id++;
	id = session_queue(s, OUTBOX_INJECT, j->id, 0, s->wbuf, len);
	if (id < 0) {
		snprintf(err, errlen, "job %u: the outbox is full (%d frames held)", j->id, OUTBOX_MAX_FRAMES);
		return (int)id;
	}
	j->made++;
	return 0;
}

static void on_job_timer(struct loop *loop, int timer, void *arg);

/* Queues the next packet of j; returns 0 while it has more to send later, 1 when done, <0 on error. */
static int job_step(struct inject_job *j, char *err, size_t errlen)
{
	struct session *s = j->s;
	int rc;

	if (j->spec.v6 && !j->made && j->dad_waits < DAD_MAX_WAITS && dad_running(s)) {
		j->dad_waits++;
		j->state = JOB_WAITING;
		j->timer = loop_add_timer(s->loop, DAD_POLL_NS, 0, on_job_timer, j);
		return j->timer < 0 ? j->timer : 0;
	}
	j->state = JOB_RUNNING;
	rc = job_queue_one(j, err, errlen);
	if (rc < 0)
		return rc;
	if (j->made >= j->total)
		return 1;
	j->timer = loop_add_timer(s->loop, craft_interval_ns(&j->spec), 0, on_job_timer, j);
	return j->timer < 0 ? j->timer : 0;
}

static void on_job_timer(struct loop *loop, int timer, void *arg)
{
	struct inject_job *j = arg;
	int rc;

	(void)timer;
	j->timer = -1;		/* one-shot: already removed by the loop */
	if (loop_stopping(loop))
		return;
	rc = job_step(j, j->error, sizeof(j->error));
	if (rc < 0) {
		job_stop(j, JOB_FAILED);
		session_msg(j->s, "job %u: %s", j->id, j->error);
	} else if (rc > 0) {
		job_stop(j, JOB_DONE);
	}
	session_changed(j->s);
}

int session_inject(struct session *s, const struct craft_spec *spec, unsigned *id, char *err, size_t errlen)
{
	struct inject_job *j = calloc(1, sizeof(*j));
	int rc;

	if (!j) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	j->s = s;
	j->spec = *spec;
	j->total = craft_count(spec);
	j->timer = -1;
	j->id = ++s->next_job_id;
	craft_format(spec, j->text, sizeof(j->text));
	rc = job_step(j, err, errlen);
	if (rc < 0) {
		if (j->timer >= 0)
			loop_del_timer(s->loop, j->timer);
		s->next_job_id--;
		free(j);
		return rc;
	}
	if (rc > 0)
		j->state = JOB_DONE;
	j->next = s->jobs;
	s->jobs = j;
	if (id)
		*id = j->id;
	prune_jobs(s);
	session_changed(s);
	return 0;
}

int session_job_cancel(struct session *s, unsigned id)
{
	int n = 0;

	for (struct inject_job *j = s->jobs; j; j = j->next) {
		if ((id && j->id != id) || job_finished(j))
			continue;
		job_stop(j, JOB_CANCELLED);
		n++;
	}
	if (n)
		session_changed(s);
	return n ? n : -ENOENT;
}

const struct inject_job *session_job(const struct session *s, unsigned id)
{
	for (const struct inject_job *j = s->jobs; j; j = j->next)
		if (j->id == id)
			return j;
	return NULL;
}

int session_jobs_running(const struct session *s)
{
	int n = 0;

	for (const struct inject_job *j = s->jobs; j; j = j->next)
		n += !job_finished(j);
	return n;
}

void session_jobs_free(struct session *s)
{
	while (s->jobs) {
		struct inject_job *j = s->jobs;

		s->jobs = j->next;
		if (j->timer >= 0 && s->loop)
			loop_del_timer(s->loop, j->timer);
		free(j);
	}
}
