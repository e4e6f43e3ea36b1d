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

G_END_DECLS
