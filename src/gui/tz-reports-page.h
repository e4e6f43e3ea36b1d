/* tz-reports-page.h — the reports page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_REPORTS_PAGE (tz_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (TzReportsPage, tz_reports_page, TZ, REPORTS_PAGE, TzPage)

GtkWidget *tz_reports_page_new (void);

G_END_DECLS
