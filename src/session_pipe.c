/* session_pipe.c — the frame pipeline: reads from the device, locate, responder, filter, numbering, observers; and the one place that writes. */
#include "session.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "bpf.h"
#include "devreader.h"
#include "guard.h"
#include "pcapout.h"

void session_msg(struct session *s, const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (s->on_msg)
		s->on_msg(s, text, s->on_msg_arg);
}

void session_changed(struct session *s)
{
	if (s->on_change)
		s->on_change(s, s->on_change_arg);
}

int session_observe(struct session *s, session_frame_fn fn, void *arg)
{
	if (s->nobservers >= SESSION_MAX_OBSERVERS)
		return -ENOSPC;
	s->observers[s->nobservers].fn = fn;
	s->observers[s->nobservers].arg = arg;
	s->nobservers++;
	return 0;
}

void session_unobserve(struct session *s, session_frame_fn fn, void *arg)
{
	for (int i = 0; i < s->nobservers; i++) {
		if (s->observers[i].fn == fn && s->observers[i].arg == arg) {
			memmove(&s->observers[i], &s->observers[i + 1], (size_t)(s->nobservers - i - 1) * sizeof(s->observers[0]));
			s->nobservers--;
			return;
		}
	}
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

/* Every frame, in or out: the filter, a number, kept for quoting, the pcap file, the observers. */
static void deliver(struct session *s, struct frame *f, const struct frame_meta *m)
{
	if (s->filter && !bpf_filter_match(s->filter, f))
		return;
	f->number = ++s->count.shown;
	quotering_put(&s->quotes, f);
	if (s->pcap)
		pcapout_write(s->pcap, f);
	for (int i = 0; i < s->nobservers; i++)
		s->observers[i].fn(s, f, m, s->observers[i].arg);
}

static void note_job_sent(struct session *s, unsigned job)
{
	for (struct inject_job *j = s->jobs; j; j = j->next) {
		if (j->id == job) {
			j->sent++;
			return;
		}
	}
}

int session_send(struct session *s, const uint8_t *buf, size_t len, const struct frame_meta *m)
{
	struct frame_meta out = *m;
	struct frame f;
	int rc = tundev_write(&s->dev, buf, len);

	if (rc < 0) {
		s->count.write_errors++;
		return rc;
	}
	s->count.out++;
	if (m->origin == OUTBOX_INJECT)
		note_job_sent(s, m->job);
	if (loop_stopping(s->loop))
		return 0;
	frame_init(s, &f, FRAME_OUT, buf, len);
	frameloc_compute(&out.loc, &f);
	out.why = RESP_NOT_REQUEST;
	deliver(s, &f, &out);
	return 0;
}

static void remember_last_in(struct session *s, const struct frame *f)
{
	memcpy(s->last_in, f->data, f->caplen);
	s->last_in_frame = *f;
	s->last_in_frame.data = s->last_in;
	s->have_last_in = 1;
}

/* The responder decides first, so what is shown of the frame can say whether and why not
 * it was answered; the reply then goes through the outbox (naming the frame it answers), which
 * writes it at once unless it is on hold. */
static void frame_in(const uint8_t *buf, size_t len, void *arg)
{
	struct session *s = arg;
	struct frame_meta m = { .why = RESP_NOT_REQUEST };
	struct frame f;
	size_t reply;

	if (loop_stopping(s->loop))
		return;
	s->count.in++;
	frame_init(s, &f, FRAME_IN, buf, len);
	frameloc_compute(&m.loc, &f);
	reply = responder_handle(&s->resp, &f, &m.loc, s->wbuf, sizeof(s->wbuf), &m.why);
	peerwatch_note(&s->peers, &f, &m.loc, &s->addrs, m.why);
	m.held = reply && s->outbox.hold;	/* "answered" would be untrue while the answer waits */
	deliver(s, &f, &m);
	if (reply) {
		session_queue(s, OUTBOX_REPLY, 0, f.number, s->wbuf, reply);
		session_drain(s);	/* at once, not after the batch: the peer's answer is not kept waiting */
	}
	remember_last_in(s, &f);
}

void session_on_device(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct session *s = arg;
	int n;

	(void)loop;
	(void)fd;
	(void)events;
	n = devreader_drain(s->reader, SESSION_READ_BATCH, frame_in, s);
	if (n < 0) {
		guard_device_lost(s, -n);	/* says so, with the cause; the run goes on */
		return;
	}
	if (devreader_fd(s->reader) != s->watched_fd) {	/* read() <-> io_uring */
		loop_del_fd(loop, s->watched_fd);
		s->watched_fd = devreader_fd(s->reader);
		loop_add_fd(loop, s->watched_fd, EPOLLIN, session_on_device, s);
	}
	session_drain(s);
}

/* A reply that waits for a frame the kernel sent before neighbour answers were on. */
void session_answer_pending(struct session *s)
{
	struct timeval now;
	struct frame f;

	gettimeofday(&now, NULL);
	while (responder_take_pending(&s->resp, &now, &f)) {
		struct frameloc loc;
		enum resp_why why;
		size_t reply;

		frameloc_compute(&loc, &f);
		reply = responder_handle(&s->resp, &f, &loc, s->wbuf, sizeof(s->wbuf), &why);
		peerwatch_note(&s->peers, &f, &loc, &s->addrs, why);
		if (reply)
			session_queue(s, OUTBOX_REPLY, 0, 0, s->wbuf, reply);
	}
}
