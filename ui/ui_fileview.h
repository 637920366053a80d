/* ui_fileview.h — the offline browser's capture file: its index (src/capindex.h) grown, its
 * filter tested, finds, go-tos and saves run in bounded steps on the event loop's idle turns, so
 * keys are answered at once while a file of tens of millions of frames is read. */
#ifndef TAPSCOPE_UI_FILEVIEW_H
#define TAPSCOPE_UI_FILEVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "capindex.h"
#include "ui.h"

struct fileview;

/* Opens path (pcap or pcapng; "-": stdin, spooled) and indexes its first frames, enough for the
 * first screen. NULL with a message in err naming the file and the problem. */
struct fileview *fileview_open(const char *path, char *err, size_t errlen);
void fileview_free(struct fileview *fv);
/* Starts the background work on loop (an eventfd that stays readable while work remains);
 * results reach ui as a selected row and a message. 0 or -errno. */
int fileview_attach(struct fileview *fv, struct ui *ui, struct loop *loop);
void fileview_detach(struct fileview *fv);
struct capindex *fileview_index(const struct fileview *fv);

/* ---- the list's rows: every frame indexed so far, or the frames the filter passed so far ---- */
uint64_t fileview_rows(const struct fileview *fv);
/* The frame number of row i (0-based); 0 when there is no such row. */
uint64_t fileview_row_num(const struct fileview *fv, uint64_t i);
/* The row of frame num, or of the first row after it (fileview_rows() when none). */
uint64_t fileview_row_of(const struct fileview *fv, uint64_t num);

/* The filter: BPF (tcpdump syntax) over the whole file, tested in the background; "" clears it.
 * -EINVAL with libpcap's message in err; -EBUSY while a save runs. */
int fileview_set_filter(struct fileview *fv, const char *expr, char *err, size_t errlen);
const char *fileview_filter_text(const struct fileview *fv);

/* Looks for the next (backward: previous) row after (before) frame from that q matches, in the
 * background; the list selects it once found, and a message says what happened. q (described
 * by text) stays the caller's: fileview_find_stop() before freeing it. */
void fileview_find(struct fileview *fv, struct capfind *q, const char *text, uint64_t from, int backward);
void fileview_find_stop(struct fileview *fv);
/* Esc, or a go-to: stops a go-to still waiting for its frame, or else a running find, and says
 * so (a find: how far it got). 0: none was running. */
int fileview_find_cancel(struct fileview *fv);
/* Goes to frame num (or the nearest row when the filter hides it), once it is indexed. */
void fileview_goto(struct fileview *fv, uint64_t num);
/* Writes the rows to path (pcapng when it ends in .pcapng, with the frames' directions; else
 * pcap) in the background, once the file is indexed and the filter tested. 0, or -errno with err. */
int fileview_save(struct fileview *fv, const char *path, char *err, size_t errlen);
/* The file a save running writes (NULL: none runs), and the frames written to it so far. */
const char *fileview_saving(const struct fileview *fv, unsigned long *written);
/* Stops a running save where it is (Esc): the file keeps the whole frames written so far. */
void fileview_save_stop(struct fileview *fv);

/* "indexing 45%", "filter: 833 of 10000 shown", "finding…", "saving…" for the status bar. */
size_t fileview_status(const struct fileview *fv, char *buf, size_t len);
/* Per mille of the file indexed (1000: done), and the filter's part tested (1000: done or none). */
unsigned fileview_progress(const struct fileview *fv);
unsigned fileview_filter_progress(const struct fileview *fv);

#endif
