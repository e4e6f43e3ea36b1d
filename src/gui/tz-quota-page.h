/* tz-quota-page.h — the quotas page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The allocation table (任务分配) of the selected campaign with each unit's
 * progress, a chart of completion, and the activities of the selected unit.
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_QUOTA_PAGE (tz_quota_page_get_type ())
G_DECLARE_FINAL_TYPE (TzQuotaPage, tz_quota_page, TZ, QUOTA_PAGE, TzPage)

GtkWidget *tz_quota_page_new (void);

/* Opens the target editor on row @position of the table, as activating the
 * row or clicking its target does. */
void tz_quota_page_edit_target (TzQuotaPage *self, guint position);

/* What the editor's Save does: checks the value with the core's rule and saves
 * it; when refused, shows the message in the editor, saves nothing and
 * returns FALSE. */
gboolean tz_quota_page_save_target (TzQuotaPage *self);

G_END_DECLS
