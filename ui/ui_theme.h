/* ui_theme.h — choosing the colour theme (--theme dark|contrast|mono, --no-color, NO_COLOR). */
#ifndef TAPSCOPE_UI_THEME_H
#define TAPSCOPE_UI_THEME_H

#include "ui.h"

/* After initscr: starts colours and sets the roles' pairs for the chosen theme. */
void theme_start(const struct options *o);
/* The attribute plain text and blank cells get (the contrast theme paints them on black). */
attr_t theme_background(void);

#endif
