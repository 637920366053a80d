/* ui_store.h — the frames the UI keeps for browsing (bounded, oldest dropped first), each with
 * its note (why it was not answered, who wrote it, which frame it answers); list panes hear of
 * new frames through listeners. The offline browser puts a capture file's index behind it:
 * frames are then read back from the file on demand (src/capindex.h). */
#ifndef TAPSCOPE_UI_STORE_H
#define TAPSCOPE_UI_STORE_H

#include <stdint.h>
#include <sys/time.h>

#include "ring.h"
#include "ui.h"

enum store_event { STORE_ADDED, STORE_CLEARED };

typedef void (*store_listen_fn)(void *arg, enum store_event ev, const struct frame *f);

#define STORE_LISTENERS 4

struct capindex;

struct ui_store {
	struct ring *ring;		/* live frames, or */
	struct capindex *ix;		/* a file's (not owned) */
	struct frame *fr;		/* the frame last read from the file */
	struct timeval t0;		/* the first frame's time: the list's relative times */
	struct { store_listen_fn fn; void *arg; } listen[STORE_LISTENERS];
	int nlisten;
};

/* A store of up to max frames. NULL when out of memory. */
struct ui_store *store_new(size_t max);
/* A store over an indexed capture file (its first frame indexed: relative times start there):
 * store_get reads frame num from it (valid until the next call); nothing is added, counted or
 * cleared. */
struct ui_store *store_new_file(struct capindex *ix);
void store_free(struct ui_store *st);
/* Keeps f and what the pipeline knew of it; tells the listeners. */
void store_add(struct ui_store *st, const struct frame *f, const struct frame_meta *m);
/* Frame number num if still kept (its note in *note when not NULL), else NULL. From a file: the
 * frame read back (a blank note), NULL when it cannot be read. */
const struct frame *store_get(const struct ui_store *st, uint64_t num, const struct frame_note **note);
/* The i-th frame kept (0: the oldest), or NULL. */
const struct frame *store_at(const struct ui_store *st, size_t i);
size_t store_count(const struct ui_store *st);
/* The oldest number kept (0: none). */
uint64_t store_oldest(const struct ui_store *st);
/* Frames dropped to stay within the bound. */
uint64_t store_dropped(const struct ui_store *st);
/* Forgets every frame (capture goes on; numbers keep counting). */
void store_clear(struct ui_store *st);
int store_listen(struct ui_store *st, store_listen_fn fn, void *arg);
/* Seconds from the first frame to f. */
double store_rel_time(const struct ui_store *st, const struct frame *f);

#endif
