/* ui_theme.c — colour themes as tables of roles: dark (the default), contrast (for projectors:
 * bold light text on black, no dark blue, nothing dim) and mono (attributes only; NO_COLOR). */
#include "ui.h"
#include "ui_theme.h"

#include <stdlib.h>
#include <string.h>

struct role {
	short fg, bg;
	attr_t attr;
};

/* 8-colour roles; where the terminal has 256 colours, DIM becomes a grey instead of A_DIM. */
static const struct role dark[C_COUNT] = {
	[C_DEFAULT] = { -1, -1, 0 }, [C_TITLE] = { COLOR_BLACK, COLOR_CYAN, 0 },
	[C_FOCUS_TITLE] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD }, [C_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
	[C_STATUS] = { COLOR_BLACK, COLOR_WHITE, 0 }, [C_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[C_OK] = { COLOR_GREEN, -1, 0 }, [C_WARN] = { COLOR_RED, -1, A_BOLD }, [C_DIM] = { -1, -1, A_DIM },
	[C_ARP] = { COLOR_YELLOW, -1, 0 }, [C_ICMP] = { COLOR_GREEN, -1, 0 }, [C_ICMP6] = { COLOR_GREEN, -1, A_BOLD },
	[C_IP] = { -1, -1, 0 }, [C_UDP] = { COLOR_CYAN, -1, 0 }, [C_TCP] = { COLOR_MAGENTA, -1, 0 },
	[C_DNS] = { COLOR_CYAN, -1, A_BOLD }, [C_OTHER] = { -1, -1, 0 }, [C_HILITE] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
	[C_KEY] = { COLOR_YELLOW, -1, 0 }, [C_MARK] = { COLOR_RED, -1, A_BOLD },
};

static const struct role contrast[C_COUNT] = {
	[C_DEFAULT] = { COLOR_WHITE, COLOR_BLACK, A_BOLD }, [C_TITLE] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
	[C_FOCUS_TITLE] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD }, [C_SELECTED] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
	[C_STATUS] = { COLOR_BLACK, COLOR_WHITE, A_BOLD }, [C_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[C_OK] = { COLOR_GREEN, COLOR_BLACK, A_BOLD }, [C_WARN] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE },
	[C_DIM] = { COLOR_WHITE, COLOR_BLACK, 0 }, [C_ARP] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD },
	[C_ICMP] = { COLOR_GREEN, COLOR_BLACK, A_BOLD }, [C_ICMP6] = { COLOR_GREEN, COLOR_BLACK, A_BOLD },
	[C_IP] = { COLOR_WHITE, COLOR_BLACK, A_BOLD }, [C_UDP] = { COLOR_CYAN, COLOR_BLACK, A_BOLD },
	[C_TCP] = { COLOR_MAGENTA, COLOR_BLACK, A_BOLD }, [C_DNS] = { COLOR_CYAN, COLOR_BLACK, A_BOLD },
	[C_OTHER] = { COLOR_WHITE, COLOR_BLACK, A_BOLD }, [C_HILITE] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
	[C_KEY] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD }, [C_MARK] = { COLOR_WHITE, COLOR_RED, A_BOLD },
};

static const attr_t mono[C_COUNT] = {
	[C_TITLE] = A_REVERSE, [C_FOCUS_TITLE] = A_REVERSE | A_BOLD, [C_SELECTED] = A_REVERSE,
	[C_STATUS] = A_REVERSE, [C_ERROR] = A_REVERSE | A_BOLD, [C_OK] = A_BOLD, [C_WARN] = A_BOLD,
	[C_DIM] = A_DIM, [C_HILITE] = A_REVERSE | A_UNDERLINE, [C_KEY] = A_BOLD, [C_MARK] = A_BOLD | A_UNDERLINE,
};

static const struct role *theme;	/* NULL: monochrome */
static attr_t grey_dim;			/* dark theme on 256 colours: DIM is grey, not A_DIM */

void theme_start(const struct options *o)
{
	const char *name = o->theme ? o->theme : "dark";

	theme = NULL;
	if (!has_colors() || o->no_color || getenv("NO_COLOR") || !strcmp(name, "mono"))
		return;
	theme = !strcmp(name, "contrast") ? contrast : dark;
	start_color();
	use_default_colors();
	for (int i = 1; i < C_COUNT; i++)
		init_pair((short)i, theme[i].fg, theme[i].bg);
	grey_dim = 0;
	if (theme == dark && COLORS >= 256) {
		init_pair(C_DIM, 246, -1);
		grey_dim = 1;
	}
}

attr_t ui_attr(enum ui_color c)
{
	if (!theme)
		return mono[c];
	if (c == C_DIM && grey_dim)
		return COLOR_PAIR(c);
	return COLOR_PAIR(c) | theme[c].attr;
}

attr_t theme_background(void)
{
	return theme == contrast ? COLOR_PAIR(C_DEFAULT) | contrast[C_DEFAULT].attr : A_NORMAL;
}
