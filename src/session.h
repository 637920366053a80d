/* session.h — one tapscope run: device, namespace, responder, capture and injections on one loop. */
#ifndef TAPSCOPE_SESSION_H
#define TAPSCOPE_SESSION_H

#include <stddef.h>
#include <stdint.h>
#include "addrset.h"
#include "craft.h"
#include "frame.h"
#include "loop.h"
#include "netns.h"
#include "options.h"
#include "responder.h"
#include "tundev.h"

#define SESSION_FRAME_MAX (65536 + TUN_PI_LEN + 18)
#define SESSION_READ_BATCH 64	/* frames drained per wake-up before others get a turn */

struct session;
struct pcapout;
struct bpf_filter;
struct injection;
struct nlmodel;

/* Called for every frame that passes the filter, in both directions. */
typedef void (*session_frame_fn)(struct session *s, const struct frame *f, void *arg);
/* Called with a one-line message about the run (injection errors, warnings). */
typedef void (*session_msg_fn)(struct session *s, const char *msg, void *arg);

struct session_counters {
	uint64_t in, out;		/* frames read from / written to the device */
	uint64_t shown;			/* frames that passed the filter */
	uint64_t write_errors;
};

struct session {
	struct loop *loop;
	struct netns ns;
	struct tundev dev;
	struct addrset addrs;		/* the device's own addresses */
	struct responder resp;
	struct nlmodel *model;		/* what the kernel thinks of the device, live */
	struct pcapout *pcap;
	struct bpf_filter *filter;
	struct session_counters count;
	long count_limit;		/* stop after this many shown frames (0: never) */
	uint16_t next_ip_id;
	int detached_was_created;	/* detached: the device was ours to remove (persist kept it) */
	session_frame_fn on_frame;
	void *on_frame_arg;
	struct injection *injections;	/* being sent (repeats, or waiting for DAD) */
	session_msg_fn on_msg;
	void *on_msg_arg;
	uint8_t last_in[SESSION_FRAME_MAX];	/* the last frame the kernel sent, for quote=last */
	struct frame last_in_frame;
	int have_last_in;
	uint8_t rbuf[SESSION_FRAME_MAX];
	uint8_t wbuf[SESSION_FRAME_MAX];
};

/* Enters the namespace, opens and configures the device, opens the pcap file and filter,
 * and watches the device on loop. Returns 0, or a negative code with a message in err
 * (everything already made is undone). */
int session_start(struct session *s, struct loop *loop, const struct options *o, char *err, size_t errlen);
/* Closes the device, the pcap file (flushed, valid) and the namespace this run created. */
void session_end(struct session *s);

/* Parses every spec first (so a bad one injects nothing); 0 or -EINVAL with err. */
int session_check_specs(const char *const *specs, int n, char *err, size_t errlen);
/* Sends spec now, or once IPv6 duplicate address detection is done; count/interval repeats
 * run on the loop, and later failures go to on_msg. Returns 0 or negative with err. */
int session_inject(struct session *s, const struct craft_spec *spec, char *err, size_t errlen);
/* Writes a frame toward the kernel and reports it as a '>' frame. Returns 0 or -errno. */
int session_send(struct session *s, const uint8_t *buf, size_t len);
/* Called once per loop wake-up: flushes output so readers see every frame so far. */
void session_flush(struct session *s);

/* Detaches tapscope's queue from the device (the kernel then sees no reader: NO-CARRIER),
 * keeping a device this run created alive meanwhile; re-attaching restores it. 0 or -errno. */
int session_detach(struct session *s, char *err, size_t errlen);
int session_reattach(struct session *s, char *err, size_t errlen);

/* The link type frames of this session carry (DLT_EN10MB or DLT_RAW). */
int session_dlt(const struct session *s);

#endif
