/* tz-preferences-window.c — the preferences: database, report fonts, masking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row writes its GSettings key at once; the rows follow the keys, so a
 * change made elsewhere (gsettings, another window) shows here too. The
 * default database is read only when the application starts, and the row says
 * so instead of reopening the window's database under the user's feet.
 */
#define G_LOG_DOMAIN "tz-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-db.h"
#include "tz-preferences-window.h"
#include "tz-settings.h"

struct _TzPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings; /* NULL when the schema is not installed */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwActionRow *database_row;
  GtkWidget *database_button;
  GtkWidget *database_reset_button;
  AdwActionRow *font_title_row;
  GtkWidget *font_title_button;
  GtkWidget *font_title_reset;
  AdwActionRow *font_body_row;
  GtkWidget *font_body_button;
  GtkWidget *font_body_reset;
  AdwActionRow *font_heading_row;
  GtkWidget *font_heading_button;
  GtkWidget *font_heading_reset;
  AdwActionRow *mask_row;
  GtkSwitch *mask_switch;
};

G_DEFINE_FINAL_TYPE (TzPreferencesWindow, tz_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The three font keys, the rows and buttons that show them, and the official
 * font that "Automatic" looks for first (GB/T 9704). */
typedef struct
{
  const char *key;
  AdwActionRow *row;
  GtkWidget *choose;
  GtkWidget *reset;
  const char *official;
} FontSetting;

static void
font_settings (TzPreferencesWindow *self, FontSetting out[3])
{
  out[0] = (FontSetting){ "font-title", self->font_title_row, self->font_title_button,
                          self->font_title_reset, "方正小标宋" };
  out[1] = (FontSetting){ "font-body", self->font_body_row, self->font_body_button,
                          self->font_body_reset, "仿宋_GB2312" };
  out[2] = (FontSetting){ "font-heading", self->font_heading_row, self->font_heading_button,
                          self->font_heading_reset, "黑体" };
}

static void
update_database_row (TzPreferencesWindow *self)
{
  g_autofree char *value = NULL;
  g_autofree char *standard = tz_db_default_path ();
  g_autofree char *subtitle = NULL;

  if (self->settings != NULL)
    value = g_settings_get_string (self->settings, "default-database");
  if (value == NULL || *value == '\0')
    /* TRANSLATORS: the default database when none is chosen; %s is its path */
    subtitle = g_strdup_printf (_ ("Standard: %s"), standard);
  else
    subtitle = g_strdup (value);
  adw_action_row_set_subtitle (self->database_row, subtitle);
  gtk_widget_set_visible (self->database_reset_button, value != NULL && *value != '\0');
}

static void
update_font_rows (TzPreferencesWindow *self)
{
  FontSetting fonts[3];

  font_settings (self, fonts);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      g_autofree char *family = NULL;
      g_autofree char *automatic = NULL;

      if (self->settings != NULL)
        family = g_settings_get_string (self->settings, fonts[i].key);
      /* TRANSLATORS: a report font chosen automatically; %s is the official font tried first */
      automatic = g_strdup_printf (_ ("Automatic: %s when installed"), fonts[i].official);
      adw_action_row_set_subtitle (fonts[i].row,
                                   family != NULL && *family != '\0' ? family : automatic);
      gtk_widget_set_visible (fonts[i].reset, family != NULL && *family != '\0');
    }
}

static void
settings_changed_cb (TzPreferencesWindow *self, const char *key, GSettings *settings)
{
  g_assert (TZ_IS_PREFERENCES_WINDOW (self));

  if (g_strcmp0 (key, "default-database") == 0)
    update_database_row (self);
  else if (g_str_has_prefix (key, "font-"))
    update_font_rows (self);
}

static void
chooser_response_cb (TzPreferencesWindow *self, int response, GtkNativeDialog *chooser)
{
  g_assert (TZ_IS_PREFERENCES_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && self->settings != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "default-database", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
database_choose_clicked_cb (TzPreferencesWindow *self, GtkButton *button)
{
  g_autoptr (GtkFileFilter) db_filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  gtk_file_filter_set_name (db_filter, _ ("Taizhang Databases"));
  gtk_file_filter_add_pattern (db_filter, "*.db");
  gtk_file_filter_add_pattern (db_filter, "*.sqlite");
  gtk_file_filter_set_name (all_filter, _ ("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  self->chooser =
      gtk_file_chooser_native_new (_ ("Choose the Default Database"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), db_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
database_reset_clicked_cb (TzPreferencesWindow *self, GtkButton *button)
{
  if (self->settings != NULL)
    g_settings_reset (self->settings, "default-database");
}

static const char *
font_key_for (TzPreferencesWindow *self, GtkWidget *button)
{
  FontSetting fonts[3];

  font_settings (self, fonts);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    if (fonts[i].choose == button || fonts[i].reset == button)
      return fonts[i].key;
  g_return_val_if_reached (NULL);
}

static void
font_reset_clicked_cb (TzPreferencesWindow *self, GtkButton *button)
{
  const char *key = font_key_for (self, GTK_WIDGET (button));

  if (self->settings != NULL && key != NULL)
    g_settings_reset (self->settings, key);
}

static void
font_dialog_response_cb (GtkDialog *dialog, int response, gpointer data)
{
  TzPreferencesWindow *self = TZ_PREFERENCES_WINDOW (data);
  const char *key = g_object_get_data (G_OBJECT (dialog), "tz-font-key");

  if (response == GTK_RESPONSE_OK && self->settings != NULL && key != NULL)
    {
      PangoFontFamily *family = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (dialog));

      if (family != NULL)
        g_settings_set_string (self->settings, key, pango_font_family_get_name (family));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
font_choose_clicked_cb (TzPreferencesWindow *self, GtkButton *button)
{
  const char *key = font_key_for (self, GTK_WIDGET (button));
  g_autofree char *current = NULL;
  GtkWidget *dialog;

  if (key == NULL)
    return;
  dialog = gtk_font_chooser_dialog_new (_ ("Choose a Font Family"), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (dialog), GTK_FONT_CHOOSER_LEVEL_FAMILY);
  gtk_font_chooser_set_language (GTK_FONT_CHOOSER (dialog), "zh-cn");
  /* The preview shows what the reports print: a notice's title in Chinese. */
  gtk_font_chooser_set_preview_text (GTK_FONT_CHOOSER (dialog),
                                     "关于开展“网聚职工正能量 争做中国好网民”主题活动的通知");
  if (self->settings != NULL)
    current = g_settings_get_string (self->settings, key);
  if (current != NULL && *current != '\0')
    gtk_font_chooser_set_font (GTK_FONT_CHOOSER (dialog), current);
  g_object_set_data (G_OBJECT (dialog), "tz-font-key", (gpointer) key);
  g_signal_connect_object (dialog, "response", G_CALLBACK (font_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tz_preferences_window_dispose (GObject *object)
{
  TzPreferencesWindow *self = TZ_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tz_preferences_window_parent_class)->dispose (object);
}

static void
tz_preferences_window_class_init (TzPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, database_button);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, database_reset_button);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_title_row);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_title_button);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_title_reset);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_body_row);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_body_button);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_body_reset);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_heading_row);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_heading_button);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, font_heading_reset);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, mask_row);
  gtk_widget_class_bind_template_child (widget_class, TzPreferencesWindow, mask_switch);
  gtk_widget_class_bind_template_callback (widget_class, database_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, font_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, font_reset_clicked_cb);
}

static void
tz_preferences_window_init (TzPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = tz_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "mask-personal-data", self->mask_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      /* Nothing could be kept: say so rather than offer switches that forget. */
      gtk_widget_set_sensitive (self->database_button, FALSE);
      gtk_widget_set_sensitive (self->font_title_button, FALSE);
      gtk_widget_set_sensitive (self->font_body_button, FALSE);
      gtk_widget_set_sensitive (self->font_heading_button, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->mask_row), FALSE);
      adw_preferences_window_add_toast (
          ADW_PREFERENCES_WINDOW (self),
          adw_toast_new (_ ("The settings schema is not installed; preferences cannot be kept.")));
    }
  update_database_row (self);
  update_font_rows (self);
}

GtkWidget *
tz_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (TZ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
