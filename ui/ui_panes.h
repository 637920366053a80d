/* ui_panes.h — the panes of the live UI (each a struct pane_class in its own file) and what
 * their files share. */
#ifndef TAPSCOPE_UI_PANES_H
#define TAPSCOPE_UI_PANES_H

#include "ui_pane.h"

extern const struct pane_class net_pane;	/* ui_net.c: the device as the kernel sees it (SLOT_SIDE) */
extern const struct pane_class list_pane;	/* ui_list.c: the live frame list */
extern const struct pane_class held_pane;	/* ui_held.c: frames held in the outbox */
extern const struct pane_class info_pane;	/* ui_info.c: the selected frame's full summary and why */
extern const struct pane_class tree_pane;	/* ui_tree.c: its field tree */
extern const struct pane_class hex_pane;	/* ui_hex.c: its bytes (beside the tree) */
extern const struct pane_class file_pane;	/* ui_file.c: the offline browser's file (SLOT_SIDE) */

/* A pane's title bar (row 0 of its rect), in the focus colour when it has the keyboard. */
void pane_title(struct pane *p, WINDOW *w, const char *text);

/* ui_list.c: the list's state for a new list pane showing device dev (ui->devs[dev]). */
void *list_state_new(struct ui *ui, int dev);
/* The filter in use in the first list pane ("" when none). */
const char *list_filter_text(void);
/* Sets the first list pane's filter; -EINVAL with libpcap's message in err. */
int list_set_filter(struct ui *ui, const char *expr, char *err, size_t errlen);
/* Writes the frames in view of the first list pane; the count, or negative with err
 * (-EINPROGRESS: the offline browser writes them in the background and says when done). */
long list_save(struct ui *ui, const char *path, char *err, size_t errlen);
/* Follows new frames again (the tree too); pauses / resumes the view. */
void list_follow(struct ui *ui);
void list_pause(struct ui *ui);
int list_paused(void);
/* The selected frame's number (0: none). */
uint64_t list_selected(void);
/* A find or go-to starts: the list stops following new rows, so the selection moves only when
 * the user moves it (or the search ends). */
void list_stand(void);
/* Selects frame num, or the nearest row after it (else before it) when it is not a row (the
 * filter hides it, or it is gone); returns the frame selected (0: the list is empty). */
uint64_t list_goto(struct ui *ui, uint64_t num);
/* Live: the next (previous) row after (before) the selected one that q matches, or 0; past the
 * last row it goes on from the first (*wrapped set), the selected row tested last. */
struct capfind;
uint64_t list_find(struct ui *ui, struct capfind *q, int backward, int *wrapped);
/* ui_hex.c: 'x', the hex pane on or off. */
void hex_toggle(struct ui *ui);

#endif
