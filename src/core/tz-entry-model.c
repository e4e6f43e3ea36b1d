/* tz-entry-model.c — the entries of a campaign's track as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Works as TzPersonModel does (see there): a count, the first page by offset,
 * the ids in list order when a view goes further or a query is set, a few
 * pages kept, and items that stand for positions across reloads. Each page
 * also checks its entries against their track's work requirements, read once
 * per track until the next reload.
 */
#define G_LOG_DOMAIN "tz-entry-model"

#include "config.h"

#include "tz-entry-model.h"

#define MAX_PAGES 8

/* A row of a page: the entry and what it fails. */
typedef struct
{
  TzEntry *entry;
  GPtrArray *failures;
} Row;

static void
row_free (Row *row)
{
  tz_entry_free (row->entry);
  g_ptr_array_unref (row->failures);
  g_free (row);
}

struct _TzEntryItem
{
  GObject parent_instance;

  TzEntryModel *model; /* not a reference: the model forgets its items as they go */
  guint position;
  TzEntry *entry; /* NULL until a getter asks */
  GPtrArray *failures;
  gboolean stale; /* reloaded since: read again when next asked, while in the model */
};

G_DEFINE_FINAL_TYPE (TzEntryItem, tz_entry_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ENTRY,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static const Row *load_row (TzEntryModel *self, guint position);
static void forget_item (TzEntryModel *self, TzEntryItem *item);

static void
clear_entry (TzEntryItem *self)
{
  g_clear_pointer (&self->entry, tz_entry_free);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
}

static void
tz_entry_item_finalize (GObject *object)
{
  TzEntryItem *self = TZ_ENTRY_ITEM (object);

  if (self->model != NULL)
    forget_item (self->model, self);
  clear_entry (self);
  G_OBJECT_CLASS (tz_entry_item_parent_class)->finalize (object);
}

static void
tz_entry_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzEntryItem *self = TZ_ENTRY_ITEM (object);

  switch (prop_id)
    {
      case ITEM_PROP_ENTRY:
        g_value_set_pointer (value, (gpointer) tz_entry_item_get_entry (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_entry_item_class_init (TzEntryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_entry_item_finalize;
  object_class->get_property = tz_entry_item_get_property;

  /**
   * TzEntryItem:entry:
   *
   * The TzEntry at the item's position; notified when a reload changes it.
   */
  item_properties[ITEM_PROP_ENTRY] =
      g_param_spec_pointer ("entry", NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
tz_entry_item_init (TzEntryItem *self)
{
}

static TzEntryItem *
item_new (TzEntryModel *model, guint position)
{
  TzEntryItem *self = g_object_new (TZ_TYPE_ENTRY_ITEM, NULL);

  self->model = model;
  self->position = position;
  return self;
}

TzEntryItem *
tz_entry_item_new (TzEntry *entry, GPtrArray *failures)
{
  TzEntryItem *self = item_new (NULL, 0);

  self->entry = entry;
  self->failures = failures != NULL ? failures : g_ptr_array_new_with_free_func (g_free);
  return self;
}

static TzEntryItem *
loaded (TzEntryItem *self)
{
  if (self->entry == NULL || (self->stale && self->model != NULL))
    {
      const Row *row;

      self->stale = FALSE;
      clear_entry (self);
      row = self->model != NULL ? load_row (self->model, self->position) : NULL;

      self->entry = row != NULL ? tz_entry_copy (row->entry) : tz_entry_new ();
      self->failures =
          row != NULL ? g_ptr_array_ref (row->failures) : g_ptr_array_new_with_free_func (g_free);
    }
  return self;
}

guint
tz_entry_item_get_row (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), 0);
  return self->position;
}

const TzEntry *
tz_entry_item_get_entry (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return loaded (self)->entry;
}

gint64
tz_entry_item_get_id (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), 0);
  return loaded (self)->entry->id;
}

const char *
tz_entry_item_get_title (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return loaded (self)->entry->title;
}

const char *
tz_entry_item_get_entrant (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return loaded (self)->entry->entrant_name;
}

const char *
tz_entry_item_get_recommending_unit (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return loaded (self)->entry->recommending_unit_name;
}

const char *
tz_entry_item_get_status (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return loaded (self)->entry->status;
}

const char *
tz_entry_item_get_status_label (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return tz_entry_status_label (loaded (self)->entry->status);
}

GPtrArray *
tz_entry_item_get_failures (TzEntryItem *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_ITEM (self), NULL);
  return loaded (self)->failures;
}

struct _TzEntryModel
{
  GObject parent_instance;

  TzDb *db;
  gulong changed_id;
  gint64 campaign_id;
  gint64 track_id;
  char *query;
  gboolean constructed;

  guint n_items;
  GArray *ids;
  GHashTable *pages; /* page number → GPtrArray of Row */
  GHashTable *items; /* position → the TzEntryItem handed out for it, while it lives */
  GQueue recent;
  GHashTable *requirements; /* track id → TzWorkRequirements */
  guint pages_read;
};

static void tz_entry_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TzEntryModel, tz_entry_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tz_entry_model_list_model_init))

enum
{
  PROP_0,
  PROP_DB,
  PROP_CAMPAIGN_ID,
  PROP_TRACK_ID,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tables whose changes alter what the list shows. */
static const char *const watched_tables[] = { "entry", "person",      "unit", "team",
                                              "track", "requirement", NULL };

static gboolean
has_query (TzEntryModel *self)
{
  g_autofree char *q = self->query != NULL ? g_strstrip (g_strdup (self->query)) : NULL;

  return q != NULL && *q != '\0';
}

static void
report (TzEntryModel *self, GError *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[SIGNAL_LOAD_FAILED], 0, error);
}

static void
forget_pages (TzEntryModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static void
load (TzEntryModel *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->ids, g_array_unref);
  forget_pages (self);
  g_hash_table_remove_all (self->requirements);
  self->n_items = 0;
  if (self->db == NULL)
    return;

  if (has_query (self))
    {
      self->ids =
          tz_entry_search_ids (self->db, self->campaign_id, self->track_id, self->query, &error);
      if (self->ids != NULL)
        self->n_items = self->ids->len;
    }
  else
    {
      gint64 n = tz_entry_count (self->db, self->campaign_id, self->track_id, NULL, &error);
      self->n_items = n > 0 ? (guint) MIN (n, G_MAXUINT) : 0;
    }
  report (self, error);
}

static gboolean
ensure_ids (TzEntryModel *self)
{
  g_autoptr (GError) error = NULL;

  if (self->ids != NULL)
    return TRUE;
  self->ids =
      tz_entry_search_ids (self->db, self->campaign_id, self->track_id, self->query, &error);
  report (self, error);
  return self->ids != NULL;
}

static GPtrArray *
check_entry (TzEntryModel *self, const TzEntry *e)
{
  TzWorkRequirements *req = g_hash_table_lookup (self->requirements, &e->track_id);

  if (req == NULL)
    {
      g_autoptr (GError) error = NULL;
      gint64 *key;

      req = tz_entry_load_requirements (self->db, e->track_id, &error);
      if (req == NULL)
        {
          report (self, error);
          return NULL;
        }
      key = g_new (gint64, 1);
      *key = e->track_id;
      g_hash_table_insert (self->requirements, key, req);
    }
  return tz_entry_check_requirements (req, e);
}

static GPtrArray *
read_page (TzEntryModel *self, guint page)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  guint first = page * TZ_ENTRY_MODEL_PAGE_SIZE;
  guint n = MIN (TZ_ENTRY_MODEL_PAGE_SIZE, self->n_items - first);

  if (page == 0 && self->ids == NULL)
    entries = tz_entry_search (self->db, self->campaign_id, self->track_id, NULL, 0, n, &error);
  else if (ensure_ids (self))
    {
      guint available = self->ids->len > first ? self->ids->len - first : 0;
      entries = tz_entry_get_many (self->db, &g_array_index (self->ids, gint64, first),
                                   MIN (n, available), &error);
    }
  report (self, error);
  self->pages_read++;

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_new0 (Row, 1);
      gint64 id = self->ids != NULL && first + i < self->ids->len
                      ? g_array_index (self->ids, gint64, first + i)
                      : 0;

      if (entries != NULL && entries->len > 0 &&
          (id == 0 || ((TzEntry *) entries->pdata[0])->id == id))
        {
          row->entry = g_ptr_array_steal_index (entries, 0);
          row->failures = check_entry (self, row->entry);
        }
      else
        {
          /* Gone since the count (another program): an empty row until the reload. */
          row->entry = tz_entry_new ();
          row->entry->id = id;
        }
      if (row->failures == NULL)
        row->failures = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static GPtrArray *
get_page (TzEntryModel *self, guint page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
      return items;
    }
  items = read_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
  return items;
}

/* As TzPersonModel's reload: the items a view holds for rows that stay are told
 * their new content; only the rows past either end are signalled. */
static void
reload (TzEntryModel *self)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->n_items;
  GHashTableIter iter;
  gpointer value;

  if (!self->constructed)
    return;
  load (self);

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TzEntryItem *item = value;

      if (item->position >= self->n_items)
        {
          item->model = NULL;
          g_hash_table_iter_remove (&iter);
        }
      else
        {
          item->stale = TRUE;
          g_ptr_array_add (kept, g_object_ref (item));
        }
    }

  if (old_n != self->n_items)
    {
      guint common = MIN (old_n, self->n_items);

      g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common,
                                  self->n_items - common);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  for (guint i = 0; i < kept->len; i++)
    g_object_notify_by_pspec (kept->pdata[i], item_properties[ITEM_PROP_ENTRY]);
}

static void
db_changed_cb (TzEntryModel *self, char **tables, TzDb *db)
{
  g_assert (TZ_IS_ENTRY_MODEL (self));

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_strv_contains (watched_tables, tables[i]))
      {
        reload (self);
        return;
      }
}

static GType
tz_entry_model_get_item_type (GListModel *model)
{
  return TZ_TYPE_ENTRY_ITEM;
}

static guint
tz_entry_model_get_n_items (GListModel *model)
{
  return TZ_ENTRY_MODEL (model)->n_items;
}

static gpointer
tz_entry_model_get_item (GListModel *model, guint position)
{
  TzEntryModel *self = TZ_ENTRY_MODEL (model);
  TzEntryItem *item;

  if (position >= self->n_items)
    return NULL;
  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);
  item = item_new (self, position);
  g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
  return item;
}

static const Row *
load_row (TzEntryModel *self, guint position)
{
  GPtrArray *rows;

  if (position >= self->n_items || self->db == NULL)
    return NULL;
  rows = get_page (self, position / TZ_ENTRY_MODEL_PAGE_SIZE);
  return rows->pdata[position % TZ_ENTRY_MODEL_PAGE_SIZE];
}

static void
forget_item (TzEntryModel *self, TzEntryItem *item)
{
  if (g_hash_table_lookup (self->items, GUINT_TO_POINTER (item->position)) == item)
    g_hash_table_remove (self->items, GUINT_TO_POINTER (item->position));
}

static void
tz_entry_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tz_entry_model_get_item_type;
  iface->get_n_items = tz_entry_model_get_n_items;
  iface->get_item = tz_entry_model_get_item;
}

static void
tz_entry_model_constructed (GObject *object)
{
  TzEntryModel *self = TZ_ENTRY_MODEL (object);

  G_OBJECT_CLASS (tz_entry_model_parent_class)->constructed (object);
  if (self->db != NULL)
    self->changed_id = g_signal_connect_object (self->db, "changed", G_CALLBACK (db_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  self->constructed = TRUE;
  load (self);
}

/* Items may outlive the model (a view still holds them): they keep their content. */
static void
detach_items (TzEntryModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    loaded (value)->model = NULL;
  g_hash_table_remove_all (self->items);
}

static void
tz_entry_model_dispose (GObject *object)
{
  TzEntryModel *self = TZ_ENTRY_MODEL (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_id, self->db);
  detach_items (self);
  g_clear_object (&self->db);
  forget_pages (self);
  G_OBJECT_CLASS (tz_entry_model_parent_class)->dispose (object);
}

static void
tz_entry_model_finalize (GObject *object)
{
  TzEntryModel *self = TZ_ENTRY_MODEL (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->items);
  g_hash_table_unref (self->requirements);
  g_free (self->query);
  G_OBJECT_CLASS (tz_entry_model_parent_class)->finalize (object);
}

static void
tz_entry_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzEntryModel *self = TZ_ENTRY_MODEL (object);

  switch (prop_id)
    {
      case PROP_DB:
        g_value_set_object (value, self->db);
        break;
      case PROP_CAMPAIGN_ID:
        g_value_set_int64 (value, self->campaign_id);
        break;
      case PROP_TRACK_ID:
        g_value_set_int64 (value, self->track_id);
        break;
      case PROP_QUERY:
        g_value_set_string (value, self->query);
        break;
      case PROP_N_ITEMS:
        g_value_set_uint (value, self->n_items);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_entry_model_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TzEntryModel *self = TZ_ENTRY_MODEL (object);

  switch (prop_id)
    {
      case PROP_DB:
        self->db = g_value_dup_object (value);
        break;
      case PROP_CAMPAIGN_ID:
        tz_entry_model_set_campaign_id (self, g_value_get_int64 (value));
        break;
      case PROP_TRACK_ID:
        tz_entry_model_set_track_id (self, g_value_get_int64 (value));
        break;
      case PROP_QUERY:
        tz_entry_model_set_query (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_entry_model_class_init (TzEntryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tz_entry_model_constructed;
  object_class->dispose = tz_entry_model_dispose;
  object_class->finalize = tz_entry_model_finalize;
  object_class->get_property = tz_entry_model_get_property;
  object_class->set_property = tz_entry_model_set_property;

  properties[PROP_DB] =
      g_param_spec_object ("db", NULL, NULL, TZ_TYPE_DB,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN_ID] =
      g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK_ID] =
      g_param_spec_int64 ("track-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
      g_param_spec_string ("query", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TzEntryModel::load-failed:
   * @error: what the database answered
   *
   * Emitted when reading the count or a page failed; the rows concerned are
   * shown empty.
   */
  signals[SIGNAL_LOAD_FAILED] =
      g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
tz_entry_model_init (TzEntryModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->items = g_hash_table_new (NULL, NULL);
  self->requirements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) tz_work_requirements_free);
  g_queue_init (&self->recent);
}

TzEntryModel *
tz_entry_model_new (TzDb *db, gint64 campaign_id, gint64 track_id)
{
  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  return g_object_new (TZ_TYPE_ENTRY_MODEL, "db", db, "campaign-id", campaign_id, "track-id",
                       track_id, NULL);
}

TzDb *
tz_entry_model_get_db (TzEntryModel *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_MODEL (self), NULL);
  return self->db;
}

gint64
tz_entry_model_get_campaign_id (TzEntryModel *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_MODEL (self), 0);
  return self->campaign_id;
}

void
tz_entry_model_set_campaign_id (TzEntryModel *self, gint64 campaign_id)
{
  g_return_if_fail (TZ_IS_ENTRY_MODEL (self));

  if (self->campaign_id == campaign_id)
    return;
  self->campaign_id = campaign_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

gint64
tz_entry_model_get_track_id (TzEntryModel *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_MODEL (self), 0);
  return self->track_id;
}

void
tz_entry_model_set_track_id (TzEntryModel *self, gint64 track_id)
{
  g_return_if_fail (TZ_IS_ENTRY_MODEL (self));

  if (self->track_id == track_id)
    return;
  self->track_id = track_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK_ID]);
}

const char *
tz_entry_model_get_query (TzEntryModel *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_MODEL (self), NULL);
  return self->query;
}

void
tz_entry_model_set_query (TzEntryModel *self, const char *query)
{
  g_return_if_fail (TZ_IS_ENTRY_MODEL (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

void
tz_entry_model_refresh (TzEntryModel *self)
{
  g_return_if_fail (TZ_IS_ENTRY_MODEL (self));
  reload (self);
}

int
tz_entry_model_find (TzEntryModel *self, gint64 id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (TZ_IS_ENTRY_MODEL (self), -1);

  if (self->n_items == 0 || !ensure_ids (self))
    return -1;
  hi = self->ids->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 v = g_array_index (self->ids, gint64, mid);

      if (v == id)
        return mid < self->n_items ? (int) mid : -1;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

guint
tz_entry_model_get_pages_read (TzEntryModel *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_MODEL (self), 0);
  return self->pages_read;
}
