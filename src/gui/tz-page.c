/* tz-page.c — the base of the pages of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-page.h"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  gulong changed_id;
  gboolean dirty;
} TzPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TzPage, tz_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DB,
  PROP_CAMPAIGN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_now (TzPage *self)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  priv->dirty = FALSE;
  if (TZ_PAGE_GET_CLASS (self)->reload != NULL)
    TZ_PAGE_GET_CLASS (self)->reload (self);
}

static gboolean
watches (TzPage *self, char **tables)
{
  const char *const *watched = TZ_PAGE_GET_CLASS (self)->watched_tables;

  if (watched == NULL)
    return TRUE;
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_strv_contains (watched, tables[i]))
      return TRUE;
  return FALSE;
}

static void
db_changed_cb (TzPage *self, char **tables, TzDb *db)
{
  g_assert (TZ_IS_PAGE (self));

  if (watches (self, tables))
    tz_page_queue_reload (self);
}

static void
tz_page_map (GtkWidget *widget)
{
  TzPage *self = TZ_PAGE (widget);
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  GTK_WIDGET_CLASS (tz_page_parent_class)->map (widget);
  if (priv->dirty)
    reload_now (self);
}

static void
tz_page_dispose (GObject *object)
{
  TzPage *self = TZ_PAGE (object);
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  if (priv->db != NULL)
    {
      g_clear_signal_handler (&priv->changed_id, priv->db);
      g_clear_object (&priv->db);
    }
  G_OBJECT_CLASS (tz_page_parent_class)->dispose (object);
}

static void
tz_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzPage *self = TZ_PAGE (object);
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  switch (prop_id)
    {
      case PROP_DB:
        g_value_set_object (value, priv->db);
        break;
      case PROP_CAMPAIGN_ID:
        g_value_set_int64 (value, priv->campaign_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TzPage *self = TZ_PAGE (object);

  switch (prop_id)
    {
      case PROP_DB:
        tz_page_set_db (self, g_value_get_object (value));
        break;
      case PROP_CAMPAIGN_ID:
        tz_page_set_campaign_id (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_page_class_init (TzPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_page_dispose;
  object_class->get_property = tz_page_get_property;
  object_class->set_property = tz_page_set_property;
  widget_class->map = tz_page_map;

  properties[PROP_DB] =
      g_param_spec_object ("db", NULL, NULL, TZ_TYPE_DB,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN_ID] =
      g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tz_page_init (TzPage *self)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  priv->dirty = TRUE;
}

TzDb *
tz_page_get_db (TzPage *self)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  g_return_val_if_fail (TZ_IS_PAGE (self), NULL);
  return priv->db;
}

void
tz_page_set_db (TzPage *self, TzDb *db)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  g_return_if_fail (TZ_IS_PAGE (self));
  g_return_if_fail (db == NULL || TZ_IS_DB (db));

  if (priv->db == db)
    return;
  if (priv->db != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->db);
  g_set_object (&priv->db, db);
  if (db != NULL)
    priv->changed_id = g_signal_connect_object (db, "changed", G_CALLBACK (db_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  tz_page_queue_reload (self);
}

gint64
tz_page_get_campaign_id (TzPage *self)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  g_return_val_if_fail (TZ_IS_PAGE (self), 0);
  return priv->campaign_id;
}

void
tz_page_set_campaign_id (TzPage *self, gint64 campaign_id)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  g_return_if_fail (TZ_IS_PAGE (self));

  if (priv->campaign_id == campaign_id)
    return;
  priv->campaign_id = campaign_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
  tz_page_queue_reload (self);
}

void
tz_page_queue_reload (TzPage *self)
{
  TzPagePrivate *priv = tz_page_get_instance_private (self);

  g_return_if_fail (TZ_IS_PAGE (self));

  priv->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
}

void
tz_page_show_error (TzPage *self, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_if_fail (TZ_IS_PAGE (self));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error != NULL && error->message != NULL
                                       ? error->message
                                       : _ ("An unexpected error occurred."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tz_page_add_toast (TzPage *self, AdwToast *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (TZ_IS_PAGE (self));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
