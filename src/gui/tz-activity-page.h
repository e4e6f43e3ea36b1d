/* tz-activity-page.h — the offline activities page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_ACTIVITY_PAGE (tz_activity_page_get_type ())
G_DECLARE_FINAL_TYPE (TzActivityPage, tz_activity_page, TZ, ACTIVITY_PAGE, TzPage)

GtkWidget *tz_activity_page_new (void);

G_END_DECLS
