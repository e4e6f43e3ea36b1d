/* test-window.c — the main window on real temporary databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped (77).
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "tz-activity.h"
#include "tz-campaign-dialog.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-i18n.h"
#include "tz-overview-page.h"
#include "tz-preferences-window.h"
#include "tz-settings.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-window.h"

/* Two campaigns as the seed notices announce them; the Heilongjiang one is issued later. */
#define HLJ_TITLE "迎庆党的二十大“网聚职工正能量 争做龙江好网民”主题活动"
#define MOE_TITLE "“中小学校长共话二十大”微视频征集展示活动"

static const char hlj_json[] = "{\n"
                               "  \"format\": \"taizhang-campaign\",\n"
                               "  \"version\": 1,\n"
                               "  \"campaign\": {\n"
                               "    \"uuid\": \"6f1c2a9e-3b7d-4c55-9a61-0d2f4e8b7c11\",\n"
                               "    \"title\": \"" HLJ_TITLE "\",\n"
                               "    \"issuer\": \"黑龙江省总工会办公室\",\n"
                               "    \"doc_number\": \"〔2022〕—83\",\n"
                               "    \"issue_date\": \"2022-11-19\",\n"
                               "    \"start_date\": \"2022-07-20\",\n"
                               "    \"end_date\": \"2022-10-31\"\n"
                               "  }\n"
                               "}\n";

static const char moe_json[] = "{\n"
                               "  \"format\": \"taizhang-campaign\",\n"
                               "  \"version\": 1,\n"
                               "  \"campaign\": {\n"
                               "    \"uuid\": \"0b7e5d42-8f3a-4e19-b2c6-71a9d3e5f208\",\n"
                               "    \"title\": \"" MOE_TITLE "\",\n"
                               "    \"issuer\": \"教育部办公厅\",\n"
                               "    \"doc_number\": \"教师厅函〔2022〕27号\",\n"
                               "    \"issue_date\": \"2022-11-08\"\n"
                               "  }\n"
                               "}\n";

static void
store_response_cb (AdwMessageDialog *dialog, const char *response, char **store)
{
  g_free (*store);
  *store = g_strdup (response);
}

static gpointer
template_child (TzWindow *window, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), TZ_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

/* A widget of the overview page, which shows the selected campaign's notice. */
static gpointer
overview_child (TzWindow *window, const char *name)
{
  GObject *child = gtk_widget_get_template_child (template_child (window, "overview_page"),
                                                  TZ_TYPE_OVERVIEW_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
visible_page (TzWindow *window)
{
  return gtk_stack_get_visible_child_name (template_child (window, "main_stack"));
}

static guint
count_rows (TzWindow *window)
{
  GtkListBox *list = template_child (window, "campaign_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The message dialog standing on @parent, if any. */
static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* As Escape does: the dialog answers its close response and goes away. */
static void
close_message_dialog (AdwMessageDialog *dialog)
{
  g_autofree char *response = NULL;

  g_signal_connect (dialog, "response", G_CALLBACK (store_response_cb), &response);
  gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (150);
  g_assert_cmpstr (response, ==, "close");
}

/* A window of @type standing on @parent, if any. */
static gpointer
find_toplevel (GtkWindow *parent, GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

static gpointer
dialog_child (TzCampaignDialog *dialog, const char *name)
{
  GObject *child =
      gtk_widget_get_template_child (GTK_WIDGET (dialog), TZ_TYPE_CAMPAIGN_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static void
set_field (TzCampaignDialog *dialog, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, name)), text);
}

static gboolean
save_enabled (TzCampaignDialog *dialog)
{
  return gtk_widget_is_sensitive (dialog_child (dialog, "save_button"));
}

static guint
count_campaigns (TzWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = tz_campaign_list (tz_window_get_database (window), &error);

  g_assert_no_error (error);
  return list->len;
}

static char *
shipped_path (const char *basename)
{
  return tz_test_source_path ("data", "campaigns", basename, NULL);
}

/* Answers a message dialog as a click on one of its buttons does. */
static void
answer_message_dialog (AdwMessageDialog *dialog, const char *response)
{
  gpointer alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  adw_message_dialog_response (dialog, response);
  if (alive != NULL)
    gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (150);
  g_assert_null (alive);
}

/* A window the test holds a reference to, so that it can check it is finalized. */
static TzWindow *
window_new (void)
{
  TzWindow *window = g_object_ref (tz_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
window_finish (TzWindow *window)
{
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  tz_gui_test_flush (150);
  g_assert_finalize_object (window);
}

/* A database file in a temporary folder with the campaigns of @first, … imported. */
static char *
database_with (const char *first, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = tz_test_open_db ();
  const char *json;
  va_list args;

  va_start (args, first);
  for (json = first; json != NULL; json = va_arg (args, const char *))
    {
      gint64 id = tz_campaign_import_data (db, json, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }
  va_end (args);

  return g_strdup (tz_db_get_path (db));
}

static char *
file_with (const char *basename, const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = tz_test_tmpfile (basename);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The refusal of @path: FALSE, no database, the error page, and a dialog naming the file. */
static void
assert_refused (TzWindow *window, const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  AdwMessageDialog *dialog;

  g_assert_false (tz_window_open_database (window, path));
  tz_gui_test_flush (150);

  g_assert_null (tz_window_get_database (window));
  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_false (gtk_widget_is_sensitive (template_child (window, "empty_import_button")));

  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (
      strstr (adw_status_page_get_description (template_child (window, "error_page")), basename));

  close_message_dialog (dialog);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
}

static void
test_window_campaigns (void)
{
  g_autofree char *path = database_with (hlj_json, moe_json, NULL);
  g_autofree char *issue_date = tz_format_date ("2022-11-19");
  g_autoptr (GSettings) settings = tz_settings_new ();
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GError) error = NULL;
  TzWindow *window = window_new ();
  GtkListBox *list = template_child (window, "campaign_list");
  GtkListBoxRow *row;

  g_settings_reset (settings, "last-campaign");
  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);

  g_assert_nonnull (tz_window_get_database (window));
  g_assert_cmpstr (tz_db_get_path (tz_window_get_database (window)), ==, path);
  g_assert_cmpstr (visible_page (window), ==, "campaigns");
  g_assert_cmpuint (count_rows (window), ==, 2);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  /* Newest issue date first, and it is selected and shown. */
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==, HLJ_TITLE);
  g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "issuer_row")), ==,
                   "黑龙江省总工会办公室");
  g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "doc_number_row")), ==,
                   "〔2022〕—83");
  g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "issue_date_row")), ==,
                   issue_date);
  g_assert_true (gtk_widget_get_visible (overview_child (window, "period_row")));

  /* Choosing the other one shows it, hides what its notice does not give, and is remembered. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  tz_gui_test_flush (150);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==, MOE_TITLE);
  g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "doc_number_row")), ==,
                   "教师厅函〔2022〕27号");
  g_assert_false (gtk_widget_get_visible (overview_child (window, "period_row")));
  campaigns = tz_campaign_list (tz_window_get_database (window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TzCampaign *) campaigns->pdata[1])->title, ==, MOE_TITLE);
  g_assert_cmpint (g_settings_get_int64 (settings, "last-campaign"), ==,
                   ((TzCampaign *) campaigns->pdata[1])->id);

  window_finish (window);
}

static void
test_window_empty (void)
{
  g_autofree char *path = database_with (NULL);
  TzWindow *window = window_new ();

  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);

  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpuint (count_rows (window), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (template_child (window, "empty_import_button")));
  g_assert_true (gtk_widget_is_sensitive (template_child (window, "empty_new_button")));
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  window_finish (window);
}

/* The empty state offers the campaign files that come with Taizhang, by title. */
static void
test_window_shipped_files (void)
{
  const char *titles[] = {
    "黑龙江省总工会办公室关于开展迎庆党的二十大“网聚职工正能量争做龙江好网民”线上主题活动的通知",
    "关于开展2023年湖南省“网聚职工正能量 争做中国好网民”主题活动的通知",
    "教育部办公厅关于开展“中小学校长共话二十大”微视频征集展示活动的通知",
  };
  g_autofree char *path = database_with (NULL);
  TzWindow *window = window_new ();
  GtkListBox *shipped = template_child (window, "shipped_list");
  GtkListBoxRow *row;

  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_true (gtk_widget_get_visible (template_child (window, "shipped_section")));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      row = gtk_list_box_get_row_at_index (shipped, i);
      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, titles[i]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (shipped, G_N_ELEMENTS (titles)));

  /* One click imports it and shows it. */
  row = gtk_list_box_get_row_at_index (shipped, 0);
  g_signal_emit_by_name (shipped, "row-activated", row);
  tz_gui_test_flush (150);
  g_assert_cmpstr (visible_page (window), ==, "campaigns");
  g_assert_cmpuint (count_rows (window), ==, 1);
  g_assert_cmpuint (count_campaigns (window), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==, titles[0]);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "activities_label")), ==,
                   "0 of 120");

  window_finish (window);
}

static void
test_window_pages (void)
{
  static const char *const names[] = { "overview", "quotas",  "activities",
                                       "people",   "entries", "units" };
  static const char *const page_ids[] = { "overview_page", "quota_page",   "activity_page",
                                          "people_page",   "entries_page", "units_page" };
  g_autofree char *path = database_with (hlj_json, moe_json, NULL);
  g_autoptr (GSettings) settings = tz_settings_new ();
  TzWindow *window;
  AdwViewStack *stack;
  gint64 first_id;

  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "last-campaign");
  window = window_new ();
  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);
  stack = template_child (window, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");

  /* Every page shows the selected campaign of the window's database. */
  first_id = tz_window_get_campaign_id (window);
  g_assert_cmpint (first_id, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    {
      TzPage *page = template_child (window, page_ids[i]);

      g_assert_true (tz_page_get_db (page) == tz_window_get_database (window));
      g_assert_cmpint (tz_page_get_campaign_id (page), ==, first_id);
    }

  /* Alt+1 … Alt+6 run win.show-page; the page is remembered. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *remembered = NULL;

      tz_window_show_page (window, names[i]);
      tz_gui_test_flush (150);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
      remembered = g_settings_get_string (settings, "last-page");
      g_assert_cmpstr (remembered, ==, names[i]);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "no-such-page");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "units");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "quotas"));
  tz_gui_test_flush (150);

  /* Choosing the other campaign moves every page to it. */
  gtk_list_box_select_row (
      template_child (window, "campaign_list"),
      gtk_list_box_get_row_at_index (template_child (window, "campaign_list"), 1));
  tz_gui_test_flush (150);
  g_assert_cmpint (tz_window_get_campaign_id (window), !=, first_id);
  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    g_assert_cmpint (tz_page_get_campaign_id (template_child (window, page_ids[i])), ==,
                     tz_window_get_campaign_id (window));
  window_finish (window);

  /* The next window opens on the page left last. */
  window = window_new ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (template_child (window, "view_stack")),
                   ==, "quotas");
  window_finish (window);
  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "last-campaign");
}

static void
test_window_new_campaign (void)
{
  g_autofree char *path = database_with (NULL);
  g_autoptr (GString) long_title = g_string_new (NULL);
  TzWindow *window = window_new ();
  TzCampaignDialog *dialog;
  gpointer alive;

  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-campaign", NULL));
  tz_gui_test_flush (150);
  dialog = find_toplevel (GTK_WINDOW (window), TZ_TYPE_CAMPAIGN_DIALOG);
  g_assert_nonnull (dialog);
  alive = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);

  /* An empty form: Save is disabled, and no message shouts yet. */
  g_assert_false (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "notice_errors")));

  /* A title of 201 characters: the core's message, Save still disabled, nothing written. */
  for (int i = 0; i < TZ_CAMPAIGN_MAX_TITLE + 1; i++)
    g_string_append (long_title, "通");
  set_field (dialog, "title_row", long_title->str);
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "notice_errors")));
  g_assert_true (
      g_str_has_prefix (gtk_label_get_text (dialog_child (dialog, "notice_errors")), "Title:"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "title_row"), "error"));
  /* Even if Save were reached, nothing invalid is written. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "campaign.save", NULL);
  tz_gui_test_flush (150);
  g_assert_nonnull (alive);
  g_assert_cmpuint (count_campaigns (window), ==, 0);
  set_field (dialog, "title_row", "");
  g_assert_false (save_enabled (dialog));
  g_assert_cmpuint (count_campaigns (window), ==, 0);

  /* Valid fields enable it; a bad date disables it again until corrected. */
  set_field (dialog, "title_row", "关于开展“书香工会”职工读书活动的通知");
  set_field (dialog, "issuer_row", "某市总工会");
  set_field (dialog, "doc_number_row", "〔2024〕12号");
  set_field (dialog, "start_date_row", "2024-03-10");
  g_assert_true (save_enabled (dialog));

  /* A day picked on the calendar lands in its row. */
  {
    g_autoptr (GDateTime) day = g_date_time_new_local (2024, 3, 5, 0, 0, 0);

    gtk_calendar_select_day (dialog_child (dialog, "issue_date_calendar"), day);
    g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "issue_date_row")), ==,
                     "2024-03-05");
  }
  set_field (dialog, "end_date_row", "2024-02-30");
  g_assert_false (save_enabled (dialog));
  g_assert_nonnull (
      strstr (gtk_label_get_text (dialog_child (dialog, "period_errors")), "End date"));
  set_field (dialog, "end_date_row", "2024-03-01");
  g_assert_false (save_enabled (dialog));
  set_field (dialog, "end_date_row", "2024-06-30");
  g_assert_true (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "period_errors")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "campaign.save", NULL));
  tz_gui_test_flush (150);
  g_assert_null (alive);

  g_assert_cmpuint (count_campaigns (window), ==, 1);
  g_assert_cmpstr (visible_page (window), ==, "campaigns");
  g_assert_cmpuint (count_rows (window), ==, 1);
  g_assert_cmpint (tz_window_get_campaign_id (window), >, 0);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==,
                   "关于开展“书香工会”职工读书活动的通知");
  g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "doc_number_row")), ==,
                   "〔2024〕12号");
  {
    g_autofree char *issued = tz_format_date ("2024-03-05");

    g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "issue_date_row")), ==,
                     issued);
  }

  window_finish (window);
}

static void
test_window_edit_campaign (void)
{
  g_autofree char *path = database_with (hlj_json, NULL);
  TzWindow *window = window_new ();
  TzCampaignDialog *dialog;
  g_autoptr (TzCampaign) saved = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-campaign", NULL));
  tz_gui_test_flush (150);
  dialog = find_toplevel (GTK_WINDOW (window), TZ_TYPE_CAMPAIGN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Campaign");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "title_row")), ==, HLJ_TITLE);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "start_date_row")), ==,
                   "2022-07-20");
  g_assert_true (save_enabled (dialog));

  set_field (dialog, "period_text_row", "7月下旬至10月下旬");
  set_field (dialog, "mailbox_row", "hljgh@126");
  g_assert_false (save_enabled (dialog));
  g_assert_true (
      g_str_has_prefix (gtk_label_get_text (dialog_child (dialog, "content_errors")), "E-mail"));
  set_field (dialog, "mailbox_row", "hljgh@126.com");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "campaign.save", NULL));
  tz_gui_test_flush (150);
  g_assert_null (find_toplevel (GTK_WINDOW (window), TZ_TYPE_CAMPAIGN_DIALOG));

  saved =
      tz_campaign_get (tz_window_get_database (window), tz_window_get_campaign_id (window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->title, ==, HLJ_TITLE);
  g_assert_cmpstr (saved->period_text, ==, "7月下旬至10月下旬");
  g_assert_cmpstr (saved->mailbox, ==, "hljgh@126.com");
  g_assert_cmpstr (adw_action_row_get_subtitle (overview_child (window, "mailbox_row")), ==,
                   "hljgh@126.com");
  g_assert_cmpuint (count_rows (window), ==, 1);

  window_finish (window);
}

static void
test_window_delete_campaign (void)
{
  g_autofree char *path = database_with (moe_json, NULL);
  g_autofree char *hlj_path = shipped_path ("heilongjiang-2022-workers-netizens.json");
  g_autoptr (GFile) hlj_file = g_file_new_for_path (hlj_path);
  TzWindow *window = window_new ();
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (tz_window_open_database (window, path));
  g_assert_true (tz_window_import_file (window, hlj_file));
  tz_gui_test_flush (150);
  g_assert_cmpuint (count_rows (window), ==, 2);

  /* The confirmation names the campaign and what goes with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-campaign", NULL));
  tz_gui_test_flush (150);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "黑龙江省总工会办公室关于"));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "5 tracks"));
  g_assert_nonnull (strstr (body, "3 stages"));
  g_assert_nonnull (strstr (body, "14 quotas"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Cancelled: nothing goes. */
  answer_message_dialog (dialog, "cancel");
  g_assert_cmpuint (count_campaigns (window), ==, 2);
  g_assert_cmpuint (count_rows (window), ==, 2);

  /* Confirmed: it goes, and the other campaign is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-campaign", NULL);
  tz_gui_test_flush (150);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  answer_message_dialog (dialog, "delete");
  g_assert_cmpuint (count_campaigns (window), ==, 1);
  g_assert_cmpuint (count_rows (window), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==, MOE_TITLE);

  /* The last one: the window returns to its empty state. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-campaign", NULL);
  tz_gui_test_flush (150);
  answer_message_dialog (find_message_dialog (GTK_WINDOW (window)), "delete");
  g_assert_cmpuint (count_campaigns (window), ==, 0);
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpint (tz_window_get_campaign_id (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-campaign", NULL);
  tz_gui_test_flush (150);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  window_finish (window);
}

/* A campaign written by someone else through the core appears in the list. */
static void
test_window_follows_changes (void)
{
  g_autofree char *path = database_with (moe_json, NULL);
  g_autoptr (GError) error = NULL;
  TzWindow *window = window_new ();
  gint64 shown;

  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);
  shown = tz_window_get_campaign_id (window);
  g_assert_cmpuint (count_rows (window), ==, 1);

  g_assert_cmpint (tz_campaign_import_data (tz_window_get_database (window), hlj_json, -1, &error),
                   >, 0);
  g_assert_no_error (error);
  tz_gui_test_flush (150);
  g_assert_cmpuint (count_rows (window), ==, 2);
  /* The campaign shown stays shown. */
  g_assert_cmpint (tz_window_get_campaign_id (window), ==, shown);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==, MOE_TITLE);

  window_finish (window);
}

static void
test_window_preferences (void)
{
  g_autofree char *path = database_with (NULL);
  g_autoptr (GSettings) settings = tz_settings_new ();
  TzWindow *window = window_new ();
  GtkWindow *preferences;
  GtkSwitch *mask;
  gpointer alive;

  g_settings_reset (settings, "mask-personal-data");
  g_assert_true (tz_window_open_database (window, path));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  tz_gui_test_flush (150);
  preferences = find_toplevel (GTK_WINDOW (window), TZ_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  alive = preferences;
  g_object_add_weak_pointer (G_OBJECT (preferences), &alive);

  mask = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                    TZ_TYPE_PREFERENCES_WINDOW, "mask_switch"));
  g_assert_true (gtk_switch_get_active (mask));
  gtk_switch_set_active (mask, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "mask-personal-data"));

  /* A font chosen elsewhere shows on its row; the default database too. */
  g_settings_set_string (settings, "font-title", "Noto Serif CJK SC");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_template_child (
                       GTK_WIDGET (preferences), TZ_TYPE_PREFERENCES_WINDOW, "font_title_row"))),
                   ==, "Noto Serif CJK SC");
  g_settings_set_string (settings, "default-database", "/srv/台账/unit.db");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_template_child (
                       GTK_WIDGET (preferences), TZ_TYPE_PREFERENCES_WINDOW, "database_row"))),
                   ==, "/srv/台账/unit.db");

  gtk_window_close (preferences);
  tz_gui_test_flush (150);
  g_assert_null (alive);
  g_settings_reset (settings, "mask-personal-data");
  g_settings_reset (settings, "font-title");
  g_settings_reset (settings, "default-database");

  window_finish (window);
}

/* The shortcuts window lists every shortcut the window answers to. */
static void
test_window_shortcuts (void)
{
  static const char *const expected[] = {
    "<ctrl>n", "<ctrl>o", "<ctrl>comma", "<ctrl>question", "<ctrl>q", "<alt>1",
    "<alt>2",  "<alt>3",  "<alt>4",      "<alt>5",         "<alt>6",  "<ctrl>s",
  };
  g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/org/taizhang/Taizhang/gtk/help-overlay.ui");
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr (GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accel = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        g_ptr_array_add (accels, accel);
      }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < accels->len; k++)
        found = found || g_str_equal (accels->pdata[k], expected[i]);
      if (!found)
        g_error ("the shortcuts window lacks %s", expected[i]);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_window_import (void)
{
  g_autofree char *path = database_with (NULL);
  g_autofree char *campaign_path = file_with ("moe.json", moe_json);
  g_autofree char *broken_path = file_with ("broken.json", "{ \"format\": \"taizhang-campaign\", ");
  g_autoptr (GFile) campaign_file = g_file_new_for_path (campaign_path);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken_path);
  TzWindow *window = window_new ();
  AdwMessageDialog *dialog;

  g_assert_true (tz_window_open_database (window, path));
  g_assert_true (tz_window_import_file (window, campaign_file));
  tz_gui_test_flush (150);

  g_assert_cmpstr (visible_page (window), ==, "campaigns");
  g_assert_cmpuint (count_rows (window), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (overview_child (window, "title_label")), ==, MOE_TITLE);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  /* The same campaign twice: refused with the core's message, nothing added. */
  g_assert_false (tz_window_import_file (window, campaign_file));
  tz_gui_test_flush (150);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  close_message_dialog (dialog);
  g_assert_cmpuint (count_rows (window), ==, 1);

  /* A broken file: refused, and the window keeps its database. */
  g_assert_false (tz_window_import_file (window, broken_file));
  tz_gui_test_flush (150);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  close_message_dialog (dialog);
  g_assert_cmpuint (count_rows (window), ==, 1);
  g_assert_cmpstr (visible_page (window), ==, "campaigns");
  g_assert_nonnull (tz_window_get_database (window));

  window_finish (window);
}

static void
test_window_not_a_database (void)
{
  g_autofree char *path = file_with ("notes.txt", "推荐表 not a database\n");
  g_autoptr (GBytes) before = read_file (path);
  g_autoptr (GBytes) after = NULL;
  TzWindow *window = window_new ();

  assert_refused (window, path);

  after = read_file (path);
  g_assert_true (g_bytes_equal (after, before));

  window_finish (window);
}

static void
test_window_newer_schema (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  TzWindow *window;

  {
    g_autoptr (TzDb) db = tz_test_open_db ();

    g_assert_true (tz_db_exec (db, "PRAGMA user_version = 9999", &error));
    g_assert_no_error (error);
    path = g_strdup (tz_db_get_path (db));
  }
  before = read_file (path);

  window = window_new ();
  assert_refused (window, path);

  after = read_file (path);
  g_assert_true (g_bytes_equal (after, before));

  window_finish (window);
}

static void
test_window_locked (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = database_with (moe_json, NULL);
  sqlite3 *holder = NULL;
  TzWindow *window;

  /* Another program holds the database for longer than the core waits. */
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL),
      ==, SQLITE_OK);

  window = window_new ();
  assert_refused (window, path);

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  /* Released, the same window opens it. */
  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (150);
  g_assert_cmpstr (visible_page (window), ==, "campaigns");

  window_finish (window);
}

static void
test_window_size_saved (void)
{
  g_autoptr (GSettings) settings = tz_settings_new ();
  g_autofree char *path = database_with (NULL);
  TzWindow *window = window_new ();
  int width = 0;
  int height = 0;

  g_assert_nonnull (settings);
  g_assert_true (tz_window_open_database (window, path));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  tz_gui_test_flush (150);

  /* Closing (not destroying) is what the user does. */
  gtk_window_close (GTK_WINDOW (window));
  tz_gui_test_flush (150);
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window comes back at that size. */
  window = window_new ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  window_finish (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

int
main (int argc, char *argv[])
{
  if (tz_gui_test_is_empty (g_getenv ("DISPLAY")) &&
      tz_gui_test_is_empty (g_getenv ("WAYLAND_DISPLAY")))
    {
      /* Skipped: 77 for a plain run; meson's TAP reader counts any non-zero status as an
       * error and takes a plan of 1..0 with SKIP as the skip instead. */
      gboolean tap = g_strv_contains ((const char *const *) argv, "--tap");

      g_print ("%sno display: run the GUI tests under xvfb-run\n", tap ? "1..0 # SKIP " : "");
      return tap ? 0 : 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/campaigns", test_window_campaigns);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/shipped-files", test_window_shipped_files);
  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/new-campaign", test_window_new_campaign);
  g_test_add_func ("/window/edit-campaign", test_window_edit_campaign);
  g_test_add_func ("/window/delete-campaign", test_window_delete_campaign);
  g_test_add_func ("/window/follows-changes", test_window_follows_changes);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/import", test_window_import);
  g_test_add_func ("/window/not-a-database", test_window_not_a_database);
  g_test_add_func ("/window/newer-schema", test_window_newer_schema);
  g_test_add_func ("/window/locked", test_window_locked);
  g_test_add_func ("/window/size-saved", test_window_size_saved);

  return g_test_run ();
}
