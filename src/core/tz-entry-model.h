/* tz-entry-model.h — the entries of a campaign's track as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tz-db.h"
#include "tz-entry.h"

G_BEGIN_DECLS

/* One row of the list: the entry at a position, with the requirements of its
 * track that it fails, read when a getter first asks. As TzPersonItem, an item
 * keeps its position across reloads and notifies "entry" with new content. */
#define TZ_TYPE_ENTRY_ITEM (tz_entry_item_get_type ())
G_DECLARE_FINAL_TYPE (TzEntryItem, tz_entry_item, TZ, ENTRY_ITEM, GObject)

/* An item outside any model; takes @entry and @failures (translated messages;
 * NULL for none). */
TzEntryItem *tz_entry_item_new (TzEntry *entry, GPtrArray *failures);
/* The item's position in its model. */
guint tz_entry_item_get_row (TzEntryItem *self);
const TzEntry *tz_entry_item_get_entry (TzEntryItem *self);
gint64 tz_entry_item_get_id (TzEntryItem *self);
const char *tz_entry_item_get_title (TzEntryItem *self);
const char *tz_entry_item_get_entrant (TzEntryItem *self);
const char *tz_entry_item_get_recommending_unit (TzEntryItem *self);
const char *tz_entry_item_get_status (TzEntryItem *self);
/* The status as people read it (translated). */
const char *tz_entry_item_get_status_label (TzEntryItem *self);
/* The requirement failures, one message each (empty when it meets them all). */
GPtrArray *tz_entry_item_get_failures (TzEntryItem *self);

/* The entries tz_entry_search() finds for a campaign, a track (0: all) and a
 * query, read a page at a time as a view asks for them (see TzPersonModel).
 * A committed change to entries, people, units, teams or the track's
 * requirements reloads it; a reload signals only the rows added or removed at
 * the end (see TzPersonModel). */
#define TZ_TYPE_ENTRY_MODEL (tz_entry_model_get_type ())
G_DECLARE_FINAL_TYPE (TzEntryModel, tz_entry_model, TZ, ENTRY_MODEL, GObject)

#define TZ_ENTRY_MODEL_PAGE_SIZE 200

TzEntryModel *tz_entry_model_new (TzDb *db, gint64 campaign_id, gint64 track_id);
TzDb *tz_entry_model_get_db (TzEntryModel *self);

gint64 tz_entry_model_get_campaign_id (TzEntryModel *self);
void tz_entry_model_set_campaign_id (TzEntryModel *self, gint64 campaign_id);
gint64 tz_entry_model_get_track_id (TzEntryModel *self);
void tz_entry_model_set_track_id (TzEntryModel *self, gint64 track_id);
const char *tz_entry_model_get_query (TzEntryModel *self);
void tz_entry_model_set_query (TzEntryModel *self, const char *query);

void tz_entry_model_refresh (TzEntryModel *self);

/* The position of the entry @id in the list, or -1. */
int tz_entry_model_find (TzEntryModel *self, gint64 id);

guint tz_entry_model_get_pages_read (TzEntryModel *self);

G_END_DECLS
