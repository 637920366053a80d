/* ui_actions.h — the keys that act on tapscope itself: toggles, injection, saving, device actions. */
#ifndef TAPSCOPE_UI_ACTIONS_H
#define TAPSCOPE_UI_ACTIONS_H

#include <stddef.h>
#include "ui.h"

/* Global keys, after the focused pane declined the key. */
enum ui_result ui_actions_key(struct ui *ui, int ch);
/* Appends device-action state (carrier forced off...) to the status bar; returns bytes added. */
int ui_actions_status(struct ui *ui, char *buf, size_t len);
/* Sends the --inject specs given on the command line, now that the UI sees frames. */
void ui_actions_inject_cli(struct ui *ui);

#endif
