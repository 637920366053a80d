/* ui_view.h — which captured frames the list shows: the ring's frames that pass the '/' filter. */
#ifndef TAPSCOPE_UI_VIEW_H
#define TAPSCOPE_UI_VIEW_H

#include <stddef.h>
#include "ui.h"

/* The frame number at view index i. */
uint64_t ui_view_num(const struct ui_view *v, size_t i);
/* A frame was stored in the ring: show it if it passes the filter, forget frames the ring
 * dropped, keep the selection on its frame (or on the newest when following). */
void ui_view_frame_added(struct ui *ui, const struct frame *f);
/* Replaces the view filter ("" clears it) and rebuilds the view from the ring. On a bad
 * expression returns -EINVAL with libpcap's message in err and keeps the old filter. */
int ui_view_set_filter(struct ui *ui, const char *expr, char *err, size_t errlen);
/* Rebuilds the view from the ring (after a clear, or when the view is unpaused). */
void ui_view_rebuild(struct ui *ui);
void ui_view_free(struct ui *ui);

#endif
