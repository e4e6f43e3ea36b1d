/* tz-overview-page.h — the overview page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_OVERVIEW_PAGE (tz_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TzOverviewPage, tz_overview_page, TZ, OVERVIEW_PAGE, TzPage)

GtkWidget *tz_overview_page_new (void);

/* The day the page counts from (YYYY-MM-DD); NULL for tz_today (). */
const char *tz_overview_page_get_today (TzOverviewPage *self);
void tz_overview_page_set_today (TzOverviewPage *self, const char *today);

G_END_DECLS
