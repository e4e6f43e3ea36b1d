/* tz-person-model.c — the people of a database as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListStore of 100 000 people would read every row before the window
 * shows one. This model reads the number of rows first and the rows a page at
 * a time when a view asks for them, keeping a few pages.
 *
 * Positions map to people through the ids in list order. With a query they come
 * from the one pass the search needs anyway; without one, the first page is
 * read by offset, and the ids (a few milliseconds for 100 000 people, where a
 * deep OFFSET would join every skipped row) only when a view goes further.
 *
 * Items stand for positions. A reload keeps the items a view holds and tells
 * them their new content ("notify::person"); items-changed covers only the
 * rows added or removed at the end. Replacing every row instead would make
 * GTK 4.8 destroy and build again every row widget on screen (about 100 ms for
 * a screen of six columns), and, since the rows it tracks would be among those
 * removed, read every new row looking for them.
 */
#define G_LOG_DOMAIN "tz-person-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-person-model.h"

/* Pages kept: a screen of rows spans at most two, scrolling back and forth a few. */
#define MAX_PAGES 8

struct _TzPersonItem
{
  GObject parent_instance;

  TzPersonModel *model; /* not a reference: the model forgets its items as they go */
  guint position;
  TzPerson *person; /* NULL until a getter asks */
  char *workplace;
  gboolean stale; /* reloaded since: read again when next asked, while in the model */
};

G_DEFINE_FINAL_TYPE (TzPersonItem, tz_person_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_PERSON,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static const TzPerson *load_person (TzPersonModel *self, guint position);
static void forget_item (TzPersonModel *self, TzPersonItem *item);

static void
tz_person_item_finalize (GObject *object)
{
  TzPersonItem *self = TZ_PERSON_ITEM (object);

  if (self->model != NULL)
    forget_item (self->model, self);
  tz_person_free (self->person);
  g_free (self->workplace);
  G_OBJECT_CLASS (tz_person_item_parent_class)->finalize (object);
}

static void
tz_person_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzPersonItem *self = TZ_PERSON_ITEM (object);

  switch (prop_id)
    {
      case ITEM_PROP_PERSON:
        g_value_set_pointer (value, (gpointer) tz_person_item_get_person (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_person_item_class_init (TzPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_person_item_finalize;
  object_class->get_property = tz_person_item_get_property;

  /**
   * TzPersonItem:person:
   *
   * The TzPerson at the item's position; notified when a reload changes it.
   */
  item_properties[ITEM_PROP_PERSON] =
      g_param_spec_pointer ("person", NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
tz_person_item_init (TzPersonItem *self)
{
}

static void
set_person (TzPersonItem *self, TzPerson *person)
{
  const char *employer = person->employer;
  const char *unit = person->unit_name;

  tz_person_free (self->person);
  g_free (self->workplace);
  self->person = person;
  if (employer != NULL && unit != NULL && !g_str_equal (employer, unit))
    /* TRANSLATORS: a person's employer and, in brackets, the unit of the tree it belongs to */
    self->workplace = g_strdup_printf (C_ ("workplace", "%s (%s)"), employer, unit);
  else
    self->workplace = g_strdup (employer != NULL ? employer : unit);
}

static TzPersonItem *
item_new (TzPersonModel *model, guint position)
{
  TzPersonItem *self = g_object_new (TZ_TYPE_PERSON_ITEM, NULL);

  self->model = model;
  self->position = position;
  return self;
}

TzPersonItem *
tz_person_item_new (TzPerson *person)
{
  TzPersonItem *self = item_new (NULL, 0);

  set_person (self, person);
  return self;
}

/* Reads the content on first use and after a reload; an item whose row is gone
 * (or that is outside a model) keeps what it had, or an empty person. */
static TzPersonItem *
loaded (TzPersonItem *self)
{
  if (self->person == NULL || (self->stale && self->model != NULL))
    {
      const TzPerson *p = self->model != NULL ? load_person (self->model, self->position) : NULL;

      self->stale = FALSE;
      set_person (self, p != NULL ? tz_person_copy (p) : tz_person_new ());
    }
  return self;
}

guint
tz_person_item_get_row (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), 0);
  return self->position;
}

const TzPerson *
tz_person_item_get_person (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->person;
}

gint64
tz_person_item_get_id (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), 0);
  return loaded (self)->person->id;
}

const char *
tz_person_item_get_name (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->person->name;
}

const char *
tz_person_item_get_gender (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->person->gender;
}

const char *
tz_person_item_get_id_number (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->person->id_number;
}

const char *
tz_person_item_get_phone (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->person->phone;
}

const char *
tz_person_item_get_position (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->person->position;
}

const char *
tz_person_item_get_workplace (TzPersonItem *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_ITEM (self), NULL);
  return loaded (self)->workplace;
}

struct _TzPersonModel
{
  GObject parent_instance;

  TzDb *db;
  gulong changed_id;
  char *query;

  guint n_items;
  GArray *ids;       /* gint64, in list order; NULL until needed */
  GHashTable *pages; /* page number → GPtrArray of TzPerson */
  GHashTable *items; /* position → the TzPersonItem handed out for it, while it lives */
  GQueue recent;     /* page numbers, most recently used first */
  guint pages_read;
};

static void tz_person_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TzPersonModel, tz_person_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tz_person_model_list_model_init))

enum
{
  PROP_0,
  PROP_DB,
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

static gboolean
has_query (TzPersonModel *self)
{
  g_autofree char *q = self->query != NULL ? g_strstrip (g_strdup (self->query)) : NULL;

  return q != NULL && *q != '\0';
}

static void
report (TzPersonModel *self, GError *error)
{
  g_assert (TZ_IS_PERSON_MODEL (self));

  if (error != NULL)
    g_signal_emit (self, signals[SIGNAL_LOAD_FAILED], 0, error);
}

static void
forget_pages (TzPersonModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

/* Reads the number of rows (and, for a query, their ids). */
static void
load (TzPersonModel *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->ids, g_array_unref);
  forget_pages (self);
  self->n_items = 0;
  if (self->db == NULL)
    return;

  if (has_query (self))
    {
      self->ids = tz_person_search_ids (self->db, self->query, &error);
      if (self->ids != NULL)
        self->n_items = self->ids->len;
    }
  else
    {
      gint64 n = tz_person_count (self->db, NULL, &error);
      self->n_items = n > 0 ? (guint) MIN (n, G_MAXUINT) : 0;
    }
  report (self, error);
}

static gboolean
ensure_ids (TzPersonModel *self)
{
  g_autoptr (GError) error = NULL;

  if (self->ids != NULL)
    return TRUE;
  self->ids = tz_person_search_ids (self->db, self->query, &error);
  report (self, error);
  return self->ids != NULL;
}

/* The people of page @page; rows missing from the database (changed by another
 * program since the count) become empty people, so that a position below
 * n_items always has one. */
static GPtrArray *
read_page (TzPersonModel *self, guint page)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_person_free);
  guint first = page * TZ_PERSON_MODEL_PAGE_SIZE;
  guint n = MIN (TZ_PERSON_MODEL_PAGE_SIZE, self->n_items - first);

  if (page == 0 && self->ids == NULL)
    people = tz_person_search (self->db, NULL, 0, n, &error);
  else if (ensure_ids (self))
    {
      guint available = self->ids->len > first ? self->ids->len - first : 0;
      people = tz_person_get_many (self->db, &g_array_index (self->ids, gint64, first),
                                   MIN (n, available), &error);
    }
  report (self, error);
  self->pages_read++;

  for (guint i = 0; i < n; i++)
    {
      TzPerson *p = NULL;
      gint64 id = self->ids != NULL && first + i < self->ids->len
                      ? g_array_index (self->ids, gint64, first + i)
                      : 0;

      if (people != NULL && people->len > 0 &&
          (id == 0 || ((TzPerson *) people->pdata[0])->id == id))
        p = g_ptr_array_steal_index (people, 0);
      if (p == NULL)
        {
          p = tz_person_new ();
          p->id = id;
        }
      g_ptr_array_add (rows, p);
    }
  return rows;
}

static GPtrArray *
get_page (TzPersonModel *self, guint page)
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

/* After a reload: the rows past the new end go (their items leave the model),
 * the rows past the old end come, and the items of the rows that stay are
 * told their new content. */
static void
reload (TzPersonModel *self)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->n_items;
  GHashTableIter iter;
  gpointer key, value;

  load (self);

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TzPersonItem *item = value;

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
    g_object_notify_by_pspec (kept->pdata[i], item_properties[ITEM_PROP_PERSON]);
}

static void
db_changed_cb (TzPersonModel *self, char **tables, TzDb *db)
{
  g_assert (TZ_IS_PERSON_MODEL (self));

  /* A unit's name is part of what a person is found by and shown with. */
  if (g_strv_contains ((const char *const *) tables, "person") ||
      g_strv_contains ((const char *const *) tables, "unit"))
    reload (self);
}

static GType
tz_person_model_get_item_type (GListModel *model)
{
  return TZ_TYPE_PERSON_ITEM;
}

static guint
tz_person_model_get_n_items (GListModel *model)
{
  return TZ_PERSON_MODEL (model)->n_items;
}

static gpointer
tz_person_model_get_item (GListModel *model, guint position)
{
  TzPersonModel *self = TZ_PERSON_MODEL (model);
  TzPersonItem *item;

  if (position >= self->n_items)
    return NULL;
  /* No row is read here: a view looking for its rows by identity asks for
   * every item, and reads only those it shows. */
  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);
  item = item_new (self, position);
  g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
  return item;
}

static const TzPerson *
load_person (TzPersonModel *self, guint position)
{
  GPtrArray *rows;

  if (position >= self->n_items || self->db == NULL)
    return NULL;
  rows = get_page (self, position / TZ_PERSON_MODEL_PAGE_SIZE);
  return rows->pdata[position % TZ_PERSON_MODEL_PAGE_SIZE];
}

static void
forget_item (TzPersonModel *self, TzPersonItem *item)
{
  if (g_hash_table_lookup (self->items, GUINT_TO_POINTER (item->position)) == item)
    g_hash_table_remove (self->items, GUINT_TO_POINTER (item->position));
}

static void
tz_person_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tz_person_model_get_item_type;
  iface->get_n_items = tz_person_model_get_n_items;
  iface->get_item = tz_person_model_get_item;
}

static void
tz_person_model_set_db (TzPersonModel *self, TzDb *db)
{
  g_assert (self->db == NULL);

  if (db == NULL)
    return;
  self->db = g_object_ref (db);
  self->changed_id =
      g_signal_connect_object (db, "changed", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
tz_person_model_constructed (GObject *object)
{
  TzPersonModel *self = TZ_PERSON_MODEL (object);

  G_OBJECT_CLASS (tz_person_model_parent_class)->constructed (object);
  load (self);
}

/* Items may outlive the model (a view still holds them): they keep their content. */
static void
detach_items (TzPersonModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TzPersonItem *item = value;

      loaded (item)->model = NULL;
    }
  g_hash_table_remove_all (self->items);
}

static void
tz_person_model_dispose (GObject *object)
{
  TzPersonModel *self = TZ_PERSON_MODEL (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_id, self->db);
  detach_items (self);
  g_clear_object (&self->db);
  forget_pages (self);
  G_OBJECT_CLASS (tz_person_model_parent_class)->dispose (object);
}

static void
tz_person_model_finalize (GObject *object)
{
  TzPersonModel *self = TZ_PERSON_MODEL (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->items);
  g_free (self->query);
  G_OBJECT_CLASS (tz_person_model_parent_class)->finalize (object);
}

static void
tz_person_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzPersonModel *self = TZ_PERSON_MODEL (object);

  switch (prop_id)
    {
      case PROP_DB:
        g_value_set_object (value, self->db);
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
tz_person_model_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  TzPersonModel *self = TZ_PERSON_MODEL (object);

  switch (prop_id)
    {
      case PROP_DB:
        tz_person_model_set_db (self, g_value_get_object (value));
        break;
      case PROP_QUERY:
        tz_person_model_set_query (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_person_model_class_init (TzPersonModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tz_person_model_constructed;
  object_class->dispose = tz_person_model_dispose;
  object_class->finalize = tz_person_model_finalize;
  object_class->get_property = tz_person_model_get_property;
  object_class->set_property = tz_person_model_set_property;

  properties[PROP_DB] =
      g_param_spec_object ("db", NULL, NULL, TZ_TYPE_DB,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
      g_param_spec_string ("query", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TzPersonModel::load-failed:
   * @error: what the database answered
   *
   * Emitted when reading the count or a page failed (a locked database): the
   * rows concerned are shown empty, and a view can tell the user.
   */
  signals[SIGNAL_LOAD_FAILED] =
      g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
tz_person_model_init (TzPersonModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->items = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->recent);
}

TzPersonModel *
tz_person_model_new (TzDb *db)
{
  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  return g_object_new (TZ_TYPE_PERSON_MODEL, "db", db, NULL);
}

TzDb *
tz_person_model_get_db (TzPersonModel *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_MODEL (self), NULL);
  return self->db;
}

const char *
tz_person_model_get_query (TzPersonModel *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_MODEL (self), NULL);
  return self->query;
}

void
tz_person_model_set_query (TzPersonModel *self, const char *query)
{
  g_return_if_fail (TZ_IS_PERSON_MODEL (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  /* Before construction there is nothing to reload yet. */
  if (self->db != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

void
tz_person_model_refresh (TzPersonModel *self)
{
  g_return_if_fail (TZ_IS_PERSON_MODEL (self));
  reload (self);
}

int
tz_person_model_find (TzPersonModel *self, gint64 id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (TZ_IS_PERSON_MODEL (self), -1);

  if (self->n_items == 0 || !ensure_ids (self))
    return -1;
  /* The ids are in ascending order: the search's order is by id. */
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
tz_person_model_get_pages_read (TzPersonModel *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_MODEL (self), 0);
  return self->pages_read;
}
