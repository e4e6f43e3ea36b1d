/* tz-activity-dialog.h — adding or editing one offline activity and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_ACTIVITY_DIALOG (tz_activity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzActivityDialog, tz_activity_dialog, TZ, ACTIVITY_DIALOG, AdwWindow)

/* A dialog over @parent that adds an activity to @campaign_id (@activity_id 0)
 * or edits activity @activity_id; NULL with @error when that cannot be read.
 * (transfer none): like any window it belongs to GTK until it is destroyed. */
TzActivityDialog *tz_activity_dialog_new (GtkWindow *parent, TzDb *db, gint64 campaign_id,
                                          gint64 activity_id, GError **error);

/* Chooses the unit that held it, as the quota page does for the selected unit. */
void tz_activity_dialog_set_unit (TzActivityDialog *self, gint64 unit_id);

/* Adds a file to the evidence to attach on saving, as choosing it does. */
void tz_activity_dialog_add_file (TzActivityDialog *self, GFile *file);

/* The evidence listed, stored and to be added. */
guint tz_activity_dialog_get_n_files (TzActivityDialog *self);

/* Whether the form is valid, so that Save is enabled. */
gboolean tz_activity_dialog_is_valid (TzActivityDialog *self);

/* What Save does: writes the activity and its evidence in one transaction and
 * closes the dialog; on failure keeps it open with the message shown. */
gboolean tz_activity_dialog_save (TzActivityDialog *self, GError **error);

G_END_DECLS
