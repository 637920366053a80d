/* ui_overlays.h — the overlays (modal boxes on top of the panes), each an overlay_class in its
 * own file: a one-line prompt, a y/n question, the help, the inject form. */
#ifndef TAPSCOPE_UI_OVERLAYS_H
#define TAPSCOPE_UI_OVERLAYS_H

#include "ui_pane.h"

/* The overlay classes (their names are the scopes of their keys in the key table). */
extern const struct overlay_class prompt_overlay, confirm_overlay, help_overlay, form_overlay, messages_overlay;

/* ui_prompt.c: asks for one line on the message line. The prefill starts selected: typing
 * replaces it, an arrow key keeps it for editing. done(ui, text, arg) runs on Enter (not Esc);
 * arg is copied (at most 255 bytes). */
typedef void (*ui_prompt_fn)(struct ui *ui, const char *text, const char *arg);
void ui_prompt(struct ui *ui, const char *label, const char *initial, ui_prompt_fn done, const char *arg);
/* The same with a history Up and Down go through: history(0) is the newest line, NULL past the
 * oldest (the console's command line). */
typedef const char *(*ui_prompt_history_fn)(int i);
void ui_prompt_history(struct ui *ui, const char *label, const char *initial, ui_prompt_fn done, const char *arg,
		       ui_prompt_history_fn history);

/* The same prompt again on a text that was refused: the text is kept to mend (not selected),
 * and problem (why it was refused) stays on the row above the prompt until it closes. */
void ui_prompt_mend(struct ui *ui, const char *label, const char *text, ui_prompt_fn done, const char *arg,
		    const char *problem);

/* ui_confirm.c: asks question with y/n; yes(ui, arg) runs on y. arg is copied. */
typedef void (*ui_confirm_fn)(struct ui *ui, const char *arg);
void ui_confirm(struct ui *ui, const char *question, ui_confirm_fn yes, const char *arg);

/* ui_help.c: every key of the key table, by group. */
void ui_help_open(struct ui *ui);

/* ui_form.c: the inject form; it sends through the core's inject action (a job). */
void ui_form_open(struct ui *ui);
/* True when the open form's box covers terminal row (at 80x24 it takes the message line, and
 * says its messages inside). */
int form_covers_row(int row);

#endif
