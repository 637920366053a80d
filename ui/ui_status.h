/* ui_status.h — the title bar, the message line (a message, the selected field's explanation,
 * or the hints of the focused pane from the key table) and the status bar. */
#ifndef TAPSCOPE_UI_STATUS_H
#define TAPSCOPE_UI_STATUS_H

#include "ui.h"

void status_draw_title(struct ui *ui, WINDOW *w);
/* scope: the focused pane's; overlay: the open overlay's scope, or NULL. */
void status_draw(struct ui *ui, WINDOW *w, const char *scope, const char *overlay);
/* Injection jobs that finished since the last call get a message each ("job 3 done: 5 sent"). */
void status_jobs_changed(struct ui *ui);

#endif
