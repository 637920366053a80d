/* ui_prompt.h — the one-line prompt on the bottom of the screen (form library), non-modal. */
#ifndef TAPSCOPE_UI_PROMPT_H
#define TAPSCOPE_UI_PROMPT_H

#include "ui.h"

void ui_prompt_draw(struct ui *ui);
enum ui_result ui_prompt_key(struct ui *ui, int ch);
void ui_prompt_close(struct ui *ui);

#endif
