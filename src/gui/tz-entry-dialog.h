/* tz-entry-dialog.h — the form of an entry: a work or a nomination in a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_ENTRY_DIALOG (tz_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzEntryDialog, tz_entry_dialog, TZ, ENTRY_DIALOG, AdwWindow)

/* A form over @parent for the entry @entry_id of @db, or for a new entry in
 * @track_id when @entry_id is 0. It emits "saved" with the entry's id and
 * closes when the entry is saved. */
TzEntryDialog *tz_entry_dialog_new (GtkWindow *parent, TzDb *db, gint64 track_id, gint64 entry_id);

gint64 tz_entry_dialog_get_entry_id (TzEntryDialog *self);

/* Whether every field passes its rule and no file is being read (what keeps
 * Save enabled). */
gboolean tz_entry_dialog_is_valid (TzEntryDialog *self);

/* What choosing a person in the entrant list does. */
void tz_entry_dialog_set_person (TzEntryDialog *self, gint64 person_id);

/* What choosing a work file does: reads its size, format and SHA-256 in a
 * thread (Save waits for it). */
void tz_entry_dialog_set_work_file (TzEntryDialog *self, GFile *file);

/* What the Save button does: writes the entry and its opinions in one
 * transaction and closes; on failure shows the message and writes nothing. */
gboolean tz_entry_dialog_save (TzEntryDialog *self);

G_END_DECLS
