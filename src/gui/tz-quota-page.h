/* tz-quota-page.h — the quotas page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_QUOTA_PAGE (tz_quota_page_get_type ())
G_DECLARE_FINAL_TYPE (TzQuotaPage, tz_quota_page, TZ, QUOTA_PAGE, TzPage)

GtkWidget *tz_quota_page_new (void);

G_END_DECLS
