/* tz-activity-page.h — the offline activities page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activities of the selected campaign: filter by unit and words, add and
 * edit them in TzActivityDialog, delete with Undo.
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_ACTIVITY_PAGE (tz_activity_page_get_type ())
G_DECLARE_FINAL_TYPE (TzActivityPage, tz_activity_page, TZ, ACTIVITY_PAGE, TzPage)

GtkWidget *tz_activity_page_new (void);

/* What an activity's Delete button does: deletes it at once and offers Undo in
 * a toast; FALSE (with the message shown) when it cannot be deleted. */
gboolean tz_activity_page_delete_activity (TzActivityPage *self, gint64 activity_id);

/* What the toast's Undo does: brings back every activity deleted since the
 * toast appeared, with its id, uuid and evidence. */
gboolean tz_activity_page_undo_delete (TzActivityPage *self);

G_END_DECLS
