/* tz-person-model.h — the people of a database as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tz-db.h"
#include "tz-person.h"

G_BEGIN_DECLS

/* One row of the list: the person at a position, read from the database when a
 * getter first asks. An item keeps its position; when the model reloads (a new
 * query, a change in the database) the item at a position that still exists
 * stays the same object and notifies "person" with its new content, so that a
 * view updates the row it shows instead of building it again. What it holds
 * is the stored value; masking is the view's choice. */
#define TZ_TYPE_PERSON_ITEM (tz_person_item_get_type ())
G_DECLARE_FINAL_TYPE (TzPersonItem, tz_person_item, TZ, PERSON_ITEM, GObject)

/* An item holding @person (taken), outside any model. */
TzPersonItem *tz_person_item_new (TzPerson *person);
/* The item's position in its model. */
guint tz_person_item_get_row (TzPersonItem *self);
const TzPerson *tz_person_item_get_person (TzPersonItem *self);
gint64 tz_person_item_get_id (TzPersonItem *self);
const char *tz_person_item_get_name (TzPersonItem *self);
const char *tz_person_item_get_gender (TzPersonItem *self);
const char *tz_person_item_get_id_number (TzPersonItem *self);
const char *tz_person_item_get_phone (TzPersonItem *self);
const char *tz_person_item_get_position (TzPersonItem *self);
/* The employer as written on the form, and the unit of the tree when it says
 * more: “电机厂（哈尔滨市总工会）”; NULL when neither is known. */
const char *tz_person_item_get_workplace (TzPersonItem *self);

/* The people tz_person_search() finds for the model's query, in its order, read
 * a page at a time as a view asks for them: creating the model costs a count
 * (or, with a query, one pass over the search index for the ids), and a view
 * showing 30 rows reads one page, however many people there are. The model
 * follows the database: a committed change to people or units reloads it.
 *
 * A reload emits items-changed only for the rows added or removed at the end;
 * the items a view holds for the other rows notify "person" (see above). */
#define TZ_TYPE_PERSON_MODEL (tz_person_model_get_type ())
G_DECLARE_FINAL_TYPE (TzPersonModel, tz_person_model, TZ, PERSON_MODEL, GObject)

/* Rows read at once. */
#define TZ_PERSON_MODEL_PAGE_SIZE 200

TzPersonModel *tz_person_model_new (TzDb *db);
TzDb *tz_person_model_get_db (TzPersonModel *self);

/* What tz_person_search() takes: any part of a name, unit or position; NULL or
 * blank for everyone. Setting it reloads the model. */
const char *tz_person_model_get_query (TzPersonModel *self);
void tz_person_model_set_query (TzPersonModel *self, const char *query);

/* Reads the count again and forgets the rows read; done by itself when the
 * database reports a change. */
void tz_person_model_refresh (TzPersonModel *self);

/* The position of the person @id in the list, or -1. */
int tz_person_model_find (TzPersonModel *self, gint64 id);

/* Pages read from the database since the model was created (for tests and
 * measurements). */
guint tz_person_model_get_pages_read (TzPersonModel *self);

G_END_DECLS
