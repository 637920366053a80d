/* session_outbox.c — the session's outbox: queue, drain before the loop sleeps, and on hold release, drop or edit one frame at a time. */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int64_t session_queue(struct session *s, enum outbox_origin origin, unsigned job, uint64_t answers,
		      const uint8_t *buf, size_t len)
{
	int64_t id = outbox_put(&s->outbox, origin, job, answers, buf, len);

	if (id == -ENOBUFS)
		session_msg(s, "outbox full: %d frames are held — release or drop some (a frame was not sent)",
			    OUTBOX_MAX_FRAMES);
	else if (id < 0)
		session_msg(s, "out of memory: a frame was not sent");
	else if (s->outbox.hold)
		session_changed(s);
	return id;
}

static int write_item(struct session *s, struct outbox_item *it, int held)
{
	struct frame_meta m = {
		.origin = it->origin, .job = it->job, .answers = it->answers, .held = held, .edited = it->edited,
	};
	int rc = session_send(s, it->data, it->len, &m);

	if (rc < 0)
		session_msg(s, "writing to %s failed: %s", s->dev.name, strerror(-rc));
	outbox_item_free(it);
	return rc;
}

void session_drain(struct session *s)
{
	struct outbox_item *it;

	if (s->outbox.hold || s->dev.fd < 0)
		return;
	while ((it = outbox_take(&s->outbox, 0)))
		write_item(s, it, 0);
}

void session_hold(struct session *s, int on)
{
	struct outbox_item *it;

	s->outbox.hold = on;
	if (!on && s->dev.fd >= 0)
		while ((it = outbox_take(&s->outbox, 0)))
			write_item(s, it, 1);
	session_changed(s);
}

int session_release(struct session *s, uint64_t id)
{
	struct outbox_item *it;
	int rc;

	if (s->dev.fd < 0)
		return -ENOTCONN;
	it = outbox_take(&s->outbox, id);
	if (!it)
		return -ENOENT;
	rc = write_item(s, it, 1);
	session_changed(s);
	return rc;
}

int session_drop(struct session *s, uint64_t id)
{
	struct outbox_item *it = outbox_take(&s->outbox, id);

	if (!it)
		return -ENOENT;
	outbox_item_free(it);
	session_changed(s);
	return 0;
}

int session_edit(struct session *s, uint64_t id, const struct craft_spec *spec, char *err, size_t errlen)
{
	struct craft_ctx ctx;
	size_t len;
	int rc;

	if (!outbox_find(&s->outbox, id)) {
		snprintf(err, errlen, "no held frame %llu", (unsigned long long)id);
		return -ENOENT;
	}
	session_craft_ctx(s, &ctx);
	rc = craft_build(spec, &ctx, 0, s->wbuf, sizeof(s->wbuf), &len, err, errlen);
	if (rc)
		return rc;
	if (!spec->v6)
		s->next_ip_id++;
	rc = outbox_replace(&s->outbox, id, s->wbuf, len);
	if (rc)
		snprintf(err, errlen, "no held frame %llu", (unsigned long long)id);
	session_changed(s);
	return rc;
}
