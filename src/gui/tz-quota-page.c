/* tz-quota-page.c — the quotas page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The allocation table of a notice (任务分配) with the progress of every unit:
 * a column view sortable by each column, a totals row that stays at the bottom
 * whatever the order, a bar chart of completion, and beside them the
 * activities of the selected unit. Targets are edited in place through a
 * popover; what is typed is read by the core's rule (tz_quota_parse_target)
 * and saved by tz_quota_set, so the page itself decides nothing.
 */
#define G_LOG_DOMAIN "tz-quota-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-activity-dialog.h"
#include "tz-activity.h"
#include "tz-bar-chart.h"
#include "tz-i18n.h"
#include "tz-quota-page.h"
#include "tz-quota.h"
#include "tz-unit.h"

/* One row of the table, or the totals row, as an object the column view can
 * sort by its properties. Private to the page. */
#define TZ_TYPE_QUOTA_ITEM (tz_quota_item_get_type ())
G_DECLARE_FINAL_TYPE (TzQuotaItem, tz_quota_item, TZ, QUOTA_ITEM, GObject)

struct _TzQuotaItem
{
  GObject parent_instance;

  gint64 unit_id;
  gint64 track_id;
  char *unit_name;
  char *track_name;
  gint64 target;
  gint64 max;
  gint64 held;
  double progress;
  gboolean from_rule;
  gboolean is_total;
  guint n_behind;    /* the totals row only */
  GtkWidget *anchor; /* the target button showing the row, while one does */
};

struct _TzQuotaPage
{
  TzPage parent_instance;

  TzQuotaKind kind;
  gint64 shown_campaign_id; /* the campaign whose kind was chosen */
  GListStore *rows;         /* TzQuotaItem, in the notice's order */
  GListStore *totals;       /* the one totals TzQuotaItem */
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  TzQuotaItem *editing;  /* the row the popover edits; NULL when it adds one */
  GArray *candidate_ids; /* units offered by the popover when adding */
  gboolean syncing;      /* set while the page itself changes toggles or selection */

  /* Template widgets */
  GtkWidget *toolbar;
  GtkToggleButton *activity_toggle;
  GtkToggleButton *nominee_toggle;
  GtkToggleButton *work_toggle;
  GtkWidget *add_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *empty_add_button;
  AdwLeaflet *leaflet;
  GtkColumnView *column_view;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *target_column;
  GtkColumnViewColumn *held_column;
  GtkColumnViewColumn *percent_column;
  GtkLabel *summary_label;
  TzBarChart *chart;
  GtkWidget *pane_separator;
  GtkWidget *unit_pane;
  GtkLabel *unit_pane_title;
  GtkListBox *unit_activities;
  GtkLabel *unit_activities_placeholder;
  GtkPopover *target_popover;
  GtkLabel *target_title_label;
  GtkDropDown *unit_dropdown;
  GtkEditable *target_entry;
  GtkWidget *max_entry_label;
  GtkEditable *max_entry;
  GtkLabel *target_error_label;
  GtkWidget *target_save_button;
  GtkWidget *target_remove_button;
};

G_DEFINE_FINAL_TYPE (TzQuotaItem, tz_quota_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TzQuotaPage, tz_quota_page, TZ_TYPE_PAGE)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_UNIT_ID,
  ITEM_PROP_UNIT_NAME,
  ITEM_PROP_TARGET,
  ITEM_PROP_HELD,
  ITEM_PROP_PROGRESS,
  ITEM_PROP_IS_TOTAL,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static const char *const watched[] = {
  "quota", "activity", "entry", "campaign_unit", "unit", NULL
};

/* TzQuotaItem */

static void
tz_quota_item_finalize (GObject *object)
{
  TzQuotaItem *self = TZ_QUOTA_ITEM (object);

  g_free (self->unit_name);
  g_free (self->track_name);
  G_OBJECT_CLASS (tz_quota_item_parent_class)->finalize (object);
}

static void
tz_quota_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzQuotaItem *self = TZ_QUOTA_ITEM (object);

  switch (prop_id)
    {
      case ITEM_PROP_UNIT_ID:
        g_value_set_int64 (value, self->unit_id);
        break;
      case ITEM_PROP_UNIT_NAME:
        g_value_set_string (value, self->unit_name);
        break;
      case ITEM_PROP_TARGET:
        g_value_set_int64 (value, self->target);
        break;
      case ITEM_PROP_HELD:
        g_value_set_int64 (value, self->held);
        break;
      case ITEM_PROP_PROGRESS:
        g_value_set_double (value, self->progress);
        break;
      case ITEM_PROP_IS_TOTAL:
        g_value_set_boolean (value, self->is_total);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_quota_item_class_init (TzQuotaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_quota_item_finalize;
  object_class->get_property = tz_quota_item_get_property;

  item_properties[ITEM_PROP_UNIT_ID] = g_param_spec_int64 (
      "unit-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_UNIT_NAME] = g_param_spec_string (
      "unit-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TARGET] = g_param_spec_int64 (
      "target", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_HELD] = g_param_spec_int64 ("held", NULL, NULL, 0, G_MAXINT64, 0,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_PROGRESS] = g_param_spec_double (
      "progress", NULL, NULL, 0, G_MAXDOUBLE, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_IS_TOTAL] = g_param_spec_boolean (
      "is-total", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
tz_quota_item_init (TzQuotaItem *self)
{
}

static TzQuotaItem *
item_new_for_row (const TzQuotaRow *row)
{
  TzQuotaItem *item = g_object_new (TZ_TYPE_QUOTA_ITEM, NULL);

  item->unit_id = row->unit_id;
  item->track_id = row->track_id;
  item->unit_name = g_strdup (row->unit_name);
  item->track_name = g_strdup (row->track_name);
  item->target = row->min_count;
  item->max = row->max_count;
  item->held = row->held;
  item->progress = tz_quota_row_progress (row);
  item->from_rule = row->from_rule;
  return item;
}

static TzQuotaItem *
item_new_for_totals (const TzQuotaTotals *totals)
{
  TzQuotaItem *item = g_object_new (TZ_TYPE_QUOTA_ITEM, NULL);

  item->unit_name = g_strdup (_ ("Total"));
  item->target = totals->target;
  item->max = -1;
  item->held = totals->held;
  item->progress = tz_quota_totals_progress (totals);
  item->is_total = TRUE;
  item->n_behind = totals->n_behind;
  return item;
}

static gboolean
item_is_behind (TzQuotaItem *item)
{
  return item->held < item->target;
}

/* TzQuotaPage: helpers */

static char *
percent_text (double progress)
{
  /* TRANSLATORS: a completion percentage in the quota table */
  return g_strdup_printf (_ ("%.0f%%"), progress * 100.0);
}

static char *
item_display_name (TzQuotaItem *item)
{
  if (item->track_name != NULL && *item->track_name != '\0')
    return g_strdup_printf ("%s · %s", item->unit_name, item->track_name);
  return g_strdup (item->unit_name);
}

static void
rebuild_chart (TzQuotaPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  tz_bar_chart_clear (self->chart);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TzQuotaItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      g_autofree char *name = item_display_name (item);

      tz_bar_chart_add_bar (self->chart, name, item->held, item->target);
    }
}

static void
sorted_items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                         TzQuotaPage *self)
{
  rebuild_chart (self);
}

static void
update_summary (TzQuotaPage *self, const TzQuotaTotals *totals)
{
  g_autofree char *percent = percent_text (tz_quota_totals_progress (totals));
  g_autofree char *text = NULL;
  guint met = totals->n_rows - totals->n_behind;

  if (self->kind == TZ_QUOTA_ACTIVITY)
    text = g_strdup_printf (
        /* TRANSLATORS: units that met their target, units, activities held, target, percentage */
        _ ("%u of %u units have reached their target; %" PRId64 " of %" PRId64
           " activities held (%s)."),
        met, totals->n_rows, totals->held, totals->target, percent);
  else
    text = g_strdup_printf (
        /* TRANSLATORS: units that met their target, units, recommended, target, percentage */
        _ ("%u of %u units have reached their target; %" PRId64 " of %" PRId64
           " recommended (%s)."),
        met, totals->n_rows, totals->held, totals->target, percent);
  gtk_label_set_text (self->summary_label, text);
}

static void
sync_kind_widgets (TzQuotaPage *self)
{
  gboolean activities = self->kind == TZ_QUOTA_ACTIVITY;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->activity_toggle, activities);
  gtk_toggle_button_set_active (self->nominee_toggle, self->kind == TZ_QUOTA_NOMINEE);
  gtk_toggle_button_set_active (self->work_toggle, self->kind == TZ_QUOTA_WORK);
  self->syncing = FALSE;

  gtk_column_view_column_set_title (self->held_column, activities ? _ ("Held") : _ ("Recommended"));
  /* Activities of a unit explain an activity quota; for nominees and works the
   * entries page is the place to look. */
  gtk_widget_set_visible (self->unit_pane, activities);
  gtk_widget_set_visible (self->pane_separator, activities);
  gtk_widget_set_visible (self->max_entry_label, !activities);
  gtk_widget_set_visible (GTK_WIDGET (self->max_entry), !activities);
}

/* The first kind the campaign has targets for, so a nominee-only notice opens on nominees. */
static TzQuotaKind
first_kind_with_rows (TzDb *db, gint64 campaign_id)
{
  for (TzQuotaKind kind = TZ_QUOTA_ACTIVITY; kind <= TZ_QUOTA_WORK; kind++)
    {
      g_autoptr (GPtrArray) rows = tz_quota_list (db, campaign_id, kind, NULL);

      if (rows != NULL && rows->len > 0)
        return kind;
    }
  return TZ_QUOTA_ACTIVITY;
}

static TzQuotaItem *
selected_item (TzQuotaPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
activity_row_new (const TzActivity *activity)
{
  g_autofree char *title = g_markup_escape_text (activity->title, -1);
  g_autofree char *date = tz_format_date (activity->held_on);
  g_autoptr (GString) subtitle = g_string_new (date);
  g_autofree char *subtitle_markup = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (activity->place != NULL)
    g_string_append_printf (subtitle, " · %s", activity->place);
  if (activity->participants >= 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle,
                              g_dngettext (NULL, "%" PRId64 " participant",
                                           "%" PRId64 " participants",
                                           (gulong) activity->participants),
                              activity->participants);
    }
  subtitle_markup = g_markup_escape_text (subtitle->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Open the activity to edit it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "activity-id", g_memdup2 (&activity->id, sizeof (gint64)),
                          g_free);
  return row;
}

static void
update_unit_pane (TzQuotaPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  gint64 campaign_id = tz_page_get_campaign_id (TZ_PAGE (self));
  TzQuotaItem *item = selected_item (self);
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GError) error = NULL;

  clear_list_box (self->unit_activities);
  if (item == NULL || db == NULL || self->kind != TZ_QUOTA_ACTIVITY)
    {
      gtk_label_set_text (self->unit_pane_title, _ ("Activities"));
      gtk_label_set_text (self->unit_activities_placeholder,
                          _ ("Select a unit in the table to see its activities."));
      return;
    }

  if (item->is_total)
    {
      gtk_label_set_text (self->unit_pane_title, _ ("All Activities"));
      activities = tz_activity_list (db, campaign_id, 0, &error);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_ ("Activities of %s"), item->unit_name);

      gtk_label_set_text (self->unit_pane_title, title);
      activities = tz_activity_list_under (db, campaign_id, item->unit_id, &error);
    }
  if (activities == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The activities could not be read"), error);
      return;
    }
  gtk_label_set_text (self->unit_activities_placeholder,
                      _ ("No activities logged yet. Use + to log one."));
  for (guint i = 0; i < activities->len; i++)
    gtk_list_box_append (self->unit_activities, activity_row_new (activities->pdata[i]));
}

static void
select_row (TzQuotaPage *self, gint64 unit_id, gint64 track_id, gboolean total)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TzQuotaItem) item = g_list_model_get_item (model, i);

      if (total ? item->is_total
                : (!item->is_total && item->unit_id == unit_id && item->track_id == track_id))
        {
          position = i;
          break;
        }
    }
  gtk_single_selection_set_selected (self->selection, position);
}

static void
replace_rows (TzQuotaPage *self, GPtrArray *rows)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (TzQuotaItem) total = NULL;
  TzQuotaTotals totals;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (items, item_new_for_row (rows->pdata[i]));
  tz_quota_totals (rows, &totals);

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  if (rows != NULL && rows->len > 0)
    {
      total = item_new_for_totals (&totals);
      g_list_store_splice (self->totals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->totals)),
                           (gpointer *) &total, 1);
    }
  else
    g_list_store_remove_all (self->totals);
  update_summary (self, &totals);
}

static void
show_empty (TzQuotaPage *self, gboolean has_campaign)
{
  if (!has_campaign)
    {
      adw_status_page_set_title (self->empty_page, _ ("No Campaign Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _ ("Choose a campaign in the list to see its targets."));
    }
  else if (self->kind == TZ_QUOTA_ACTIVITY)
    {
      adw_status_page_set_title (self->empty_page, _ ("No Activity Targets Yet"));
      adw_status_page_set_description (
          self->empty_page, _ ("Give each unit the number of offline activities the notice’s "
                               "allocation table sets, then follow their progress here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _ ("No Recommendation Targets Yet"));
      adw_status_page_set_description (
          self->empty_page,
          _ ("Give each unit the number it may recommend, such as 1 to 2 works per region."));
    }
  gtk_widget_set_visible (self->empty_add_button, has_campaign);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
tz_quota_page_reload (TzPage *page)
{
  TzQuotaPage *self = TZ_QUOTA_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  gint64 campaign_id = tz_page_get_campaign_id (page);
  TzQuotaItem *item = selected_item (self);
  gint64 unit_id = item != NULL ? item->unit_id : 0;
  gint64 track_id = item != NULL ? item->track_id : 0;
  gboolean total = item != NULL && item->is_total;
  gboolean had_selection = item != NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gboolean has_campaign = db != NULL && campaign_id > 0;

  gtk_widget_set_sensitive (self->toolbar, has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quota.add", has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quota.add-activity", has_campaign);

  if (!has_campaign)
    {
      self->shown_campaign_id = 0;
      replace_rows (self, NULL);
      show_empty (self, FALSE);
      update_unit_pane (self);
      return;
    }

  if (campaign_id != self->shown_campaign_id)
    {
      self->shown_campaign_id = campaign_id;
      self->kind = first_kind_with_rows (db, campaign_id);
      sync_kind_widgets (self);
      had_selection = FALSE;
    }

  rows = tz_quota_list (db, campaign_id, self->kind, &error);
  if (rows == NULL)
    {
      replace_rows (self, NULL);
      show_empty (self, TRUE);
      tz_page_show_error (page, _ ("The targets could not be read"), error);
      return;
    }

  self->syncing = TRUE;
  replace_rows (self, rows);
  if (had_selection)
    select_row (self, unit_id, track_id, total);
  self->syncing = FALSE;

  if (rows->len == 0)
    show_empty (self, TRUE);
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
  update_unit_pane (self);
}

/* The target editor */

static gboolean
editor_unit (TzQuotaPage *self, gint64 *unit_id, gint64 *track_id)
{
  guint chosen;

  if (self->editing != NULL)
    {
      *unit_id = self->editing->unit_id;
      *track_id = self->editing->track_id;
      return TRUE;
    }
  chosen = gtk_drop_down_get_selected (self->unit_dropdown);
  if (chosen == GTK_INVALID_LIST_POSITION || chosen >= self->candidate_ids->len)
    return FALSE;
  *unit_id = g_array_index (self->candidate_ids, gint64, chosen);
  *track_id = 0;
  return TRUE;
}

static gboolean
validate_target (TzQuotaPage *self, gint64 *min_count, gint64 *max_count, GError **error)
{
  const char *max_text = NULL;
  gint64 unit_id;
  gint64 track_id;

  if (!editor_unit (self, &unit_id, &track_id))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Every unit of the campaign has a target already. Change a target "
                              "in the table instead."));
      return FALSE;
    }
  if (self->kind != TZ_QUOTA_ACTIVITY)
    max_text = gtk_editable_get_text (self->max_entry);
  return tz_quota_parse_target (gtk_editable_get_text (self->target_entry), max_text, min_count,
                                max_count, error);
}

static void
show_target_error (TzQuotaPage *self, const GError *error)
{
  gtk_label_set_text (self->target_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->target_error_label), error != NULL);
}

/* Save is enabled only for a valid value; the message shows once the user typed. */
static void
update_target_validation (TzQuotaPage *self, gboolean show_message)
{
  g_autoptr (GError) error = NULL;
  gboolean valid = validate_target (self, NULL, NULL, &error);

  gtk_widget_set_sensitive (self->target_save_button, valid);
  if (show_message || valid)
    show_target_error (self, error);
}

static void
fill_candidates (TzQuotaPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  gint64 campaign_id = tz_page_get_campaign_id (TZ_PAGE (self));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_array_set_size (self->candidate_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TzQuotaItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      g_hash_table_add (taken, g_memdup2 (&item->unit_id, sizeof (gint64)));
    }
  units = tz_unit_list (db, campaign_id, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const TzUnit *unit = units->pdata[i];

      if (g_hash_table_contains (taken, &unit->id))
        continue;
      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->candidate_ids, unit->id);
    }
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_dropdown,
                              self->candidate_ids->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

static void
open_target_editor (TzQuotaPage *self, TzQuotaItem *item, GtkWidget *anchor)
{
  graphene_rect_t bounds;

  g_set_object (&self->editing, item);
  if (item != NULL)
    {
      g_autofree char *name = item_display_name (item);
      g_autofree char *title = g_strdup_printf (_ ("Target of %s"), name);
      g_autofree char *min = g_strdup_printf ("%" PRId64, item->target);
      g_autofree char *max = item->max >= 0 ? g_strdup_printf ("%" PRId64, item->max) : NULL;

      gtk_label_set_text (self->target_title_label, title);
      gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), FALSE);
      gtk_editable_set_text (self->target_entry, min);
      gtk_editable_set_text (self->max_entry, max != NULL ? max : "");
      /* A row expanded from the rule for every participant has nothing of its own to remove. */
      gtk_widget_set_visible (self->target_remove_button, !item->from_rule);
    }
  else
    {
      gtk_label_set_text (self->target_title_label, _ ("Set a Target"));
      fill_candidates (self);
      gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), TRUE);
      gtk_editable_set_text (self->target_entry, "");
      gtk_editable_set_text (self->max_entry, "");
      gtk_widget_set_visible (self->target_remove_button, FALSE);
    }
  update_target_validation (self, item == NULL && self->candidate_ids->len == 0);

  if (anchor != NULL && gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->target_popover,
                                 &(GdkRectangle){ (int) bounds.origin.x, (int) bounds.origin.y,
                                                  MAX (1, (int) bounds.size.width),
                                                  MAX (1, (int) bounds.size.height) });
  else
    gtk_popover_set_pointing_to (self->target_popover, NULL);
  gtk_popover_popup (self->target_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->target_entry));
}

gboolean
tz_quota_page_save_target (TzQuotaPage *self)
{
  TzDb *db;
  g_autoptr (GError) error = NULL;
  gint64 min_count = 0;
  gint64 max_count = -1;
  gint64 unit_id = 0;
  gint64 track_id = 0;

  g_return_val_if_fail (TZ_IS_QUOTA_PAGE (self), FALSE);

  db = tz_page_get_db (TZ_PAGE (self));
  if (db == NULL || !validate_target (self, &min_count, &max_count, &error))
    {
      show_target_error (self, error);
      return FALSE;
    }
  editor_unit (self, &unit_id, &track_id);
  if (!tz_quota_set (db, tz_page_get_campaign_id (TZ_PAGE (self)), self->kind, track_id, unit_id,
                     min_count, max_count, &error))
    {
      show_target_error (self, error);
      return FALSE;
    }
  gtk_popover_popdown (self->target_popover);
  return TRUE;
}

void
tz_quota_page_edit_target (TzQuotaPage *self, guint position)
{
  g_autoptr (TzQuotaItem) item = NULL;

  g_return_if_fail (TZ_IS_QUOTA_PAGE (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL || item->is_total)
    return;
  open_target_editor (self, item,
                      item->anchor != NULL ? item->anchor : GTK_WIDGET (self->column_view));
}

/* Signal callbacks */

static void
kind_toggled_cb (GtkToggleButton *button, TzQuotaPage *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  if (button == self->activity_toggle)
    self->kind = TZ_QUOTA_ACTIVITY;
  else if (button == self->nominee_toggle)
    self->kind = TZ_QUOTA_NOMINEE;
  else
    self->kind = TZ_QUOTA_WORK;
  sync_kind_widgets (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  tz_page_queue_reload (TZ_PAGE (self));
}

static void
selection_changed_cb (TzQuotaPage *self)
{
  update_unit_pane (self);
  /* On a narrow window the activities are a page of their own: go there when
   * the user picks a unit, not when a reload restores the selection. */
  if (!self->syncing && selected_item (self) != NULL && adw_leaflet_get_folded (self->leaflet) &&
      self->kind == TZ_QUOTA_ACTIVITY)
    adw_leaflet_set_visible_child (self->leaflet, self->unit_pane);
}

static void
back_clicked_cb (GtkButton *button, TzQuotaPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
row_activated_cb (GtkColumnView *view, guint position, TzQuotaPage *self)
{
  tz_quota_page_edit_target (self, position);
}

static void
bar_activated_cb (TzBarChart *chart, guint index, TzQuotaPage *self)
{
  /* The bars follow the table's order, and the totals row comes after them. */
  gtk_single_selection_set_selected (self->selection, index);
}

static void
activity_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, TzQuotaPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "activity-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GError) error = NULL;
  TzActivityDialog *dialog;

  if (id == NULL)
    return;
  dialog = tz_activity_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   tz_page_get_db (TZ_PAGE (self)),
                                   tz_page_get_campaign_id (TZ_PAGE (self)), *id, &error);
  if (dialog == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The activity could not be opened"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
target_changed_cb (GtkEditable *editable, TzQuotaPage *self)
{
  update_target_validation (self, TRUE);
}

static void
target_activate_cb (GtkEntry *entry, TzQuotaPage *self)
{
  tz_quota_page_save_target (self);
}

static void
target_save_clicked_cb (GtkButton *button, TzQuotaPage *self)
{
  tz_quota_page_save_target (self);
}

static void
target_remove_clicked_cb (GtkButton *button, TzQuotaPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;

  if (db == NULL || self->editing == NULL)
    return;
  if (!tz_quota_set (db, tz_page_get_campaign_id (TZ_PAGE (self)), self->kind,
                     self->editing->track_id, self->editing->unit_id, -1, -1, &error))
    {
      show_target_error (self, error);
      return;
    }
  gtk_popover_popdown (self->target_popover);
}

static void
target_popover_closed_cb (GtkPopover *popover, TzQuotaPage *self)
{
  g_clear_object (&self->editing);
}

static void
target_clicked_cb (GtkButton *button, GtkListItem *list_item)
{
  TzQuotaPage *self =
      TZ_QUOTA_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), TZ_TYPE_QUOTA_PAGE));
  TzQuotaItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && !item->is_total)
    open_target_editor (self, item, GTK_WIDGET (button));
}

/* Cells */

static void
unit_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *track = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* Room for a city union's name before it is shortened. */
  gtk_label_set_width_chars (GTK_LABEL (name), 8);
  gtk_label_set_xalign (GTK_LABEL (track), 0);
  gtk_label_set_ellipsize (GTK_LABEL (track), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (track, "dim-label");
  gtk_widget_add_css_class (track, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), track);
  gtk_list_item_set_child (list_item, box);
}

static void
unit_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  TzQuotaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *track = gtk_widget_get_next_sibling (name);
  g_autofree char *behind = NULL;

  gtk_label_set_text (GTK_LABEL (name), item->unit_name);
  gtk_widget_set_tooltip_text (name, item->unit_name);
  if (item->is_total)
    {
      gtk_widget_add_css_class (name, "heading");
      behind = g_strdup_printf (
          g_dngettext (NULL, "%u unit behind", "%u units behind", item->n_behind), item->n_behind);
      gtk_label_set_text (GTK_LABEL (track), behind);
    }
  else
    {
      gtk_widget_remove_css_class (name, "heading");
      gtk_label_set_text (GTK_LABEL (track), item->track_name != NULL ? item->track_name : "");
    }
  gtk_widget_set_visible (track, *gtk_label_get_text (GTK_LABEL (track)) != '\0');
}

static void
target_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

  /* A number like the others in the row, not a bold button label. */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _ ("Change the target"));
  g_signal_connect (button, "clicked", G_CALLBACK (target_clicked_cb), list_item);
  gtk_list_item_set_child (list_item, button);
}

static void
target_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  TzQuotaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_next_sibling (label);
  g_autofree char *text = tz_quota_format_target (item->target, item->max);
  g_autofree char *accessible = NULL;

  item->anchor = button;
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (icon, !item->is_total);
  gtk_widget_set_can_target (button, !item->is_total);
  gtk_widget_set_focusable (button, !item->is_total);
  gtk_widget_set_has_tooltip (button, !item->is_total);
  accessible = item->is_total
                   ? g_strdup_printf (_ ("Total target: %s"), text)
                   : g_strdup_printf (_ ("Change the target of %s, now %s"), item->unit_name, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
target_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  TzQuotaItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && item->anchor == gtk_list_item_get_child (list_item))
    item->anchor = NULL;
}

static void
number_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
held_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  TzQuotaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = g_strdup_printf ("%" PRId64, item->held);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (item->is_total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

/* The percentage and a bar in one column, so that the table fits a narrow window. */
static void
progress_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_size_request (bar, 40, -1);
  gtk_widget_set_margin_end (bar, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_list_item_set_child (list_item, box);
}

static void
progress_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzQuotaPage *self)
{
  TzQuotaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *bar = gtk_widget_get_next_sibling (label);
  g_autofree char *percent = percent_text (item->progress);
  g_autofree char *accessible = g_strdup_printf (_ ("Completion of %s"), item->unit_name);

  gtk_label_set_text (GTK_LABEL (label), percent);
  /* Behind in the warning colour, as in the chart. */
  if (item_is_behind (item))
    {
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_remove_css_class (label, "success");
    }
  else
    {
      gtk_widget_add_css_class (label, "success");
      gtk_widget_remove_css_class (label, "warning");
    }
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), MIN (item->progress, 1.0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Actions */

static void
add_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzQuotaPage *self = TZ_QUOTA_PAGE (widget);
  GtkWidget *anchor = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0
                          ? self->empty_add_button
                          : self->add_button;

  open_target_editor (self, NULL, anchor);
}

static void
add_activity_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzQuotaPage *self = TZ_QUOTA_PAGE (widget);
  TzQuotaItem *item = selected_item (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GError) error = NULL;
  TzActivityDialog *dialog;

  dialog = tz_activity_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   tz_page_get_db (TZ_PAGE (self)),
                                   tz_page_get_campaign_id (TZ_PAGE (self)), 0, &error);
  if (dialog == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The activity form could not be opened"), error);
      return;
    }
  if (item != NULL && !item->is_total)
    tz_activity_dialog_set_unit (dialog, item->unit_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
tz_quota_page_dispose (GObject *object)
{
  TzQuotaPage *self = TZ_QUOTA_PAGE (object);

  if (self->target_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->target_popover));
  g_clear_object (&self->editing);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->totals);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_QUOTA_PAGE);

  G_OBJECT_CLASS (tz_quota_page_parent_class)->dispose (object);
}

static void
tz_quota_page_finalize (GObject *object)
{
  TzQuotaPage *self = TZ_QUOTA_PAGE (object);

  g_array_unref (self->candidate_ids);
  G_OBJECT_CLASS (tz_quota_page_parent_class)->finalize (object);
}

static void
tz_quota_page_class_init (TzQuotaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_quota_page_dispose;
  object_class->finalize = tz_quota_page_finalize;
  page_class->reload = tz_quota_page_reload;
  page_class->watched_tables = watched;

  /* Types the template names. */
  g_type_ensure (TZ_TYPE_QUOTA_ITEM);
  g_type_ensure (TZ_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-quota-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, activity_toggle);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, nominee_toggle);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, work_toggle);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, unit_column);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_column);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, held_column);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, percent_column);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, chart);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, pane_separator);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, unit_pane);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, unit_pane_title);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, unit_activities);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, unit_activities_placeholder);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_popover);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_title_label);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_entry);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, max_entry_label);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, max_entry);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_error_label);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_save_button);
  gtk_widget_class_bind_template_child (widget_class, TzQuotaPage, target_remove_button);

  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, bar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, held_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, progress_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, progress_bind_cb);

  gtk_widget_class_install_action (widget_class, "quota.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "quota.add-activity", NULL,
                                   add_activity_action_cb);
}

static void
tz_quota_page_init (TzQuotaPage *self)
{
  g_autoptr (GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFlattenListModel *flat;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->target_popover), GTK_WIDGET (self));

  self->kind = TZ_QUOTA_ACTIVITY;
  self->candidate_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_list_store_new (TZ_TYPE_QUOTA_ITEM);
  self->totals = g_list_store_new (TZ_TYPE_QUOTA_ITEM);

  /* Units sorted by the column the user chose, the totals row always last. */
  self->sorted =
      gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                               g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  g_signal_connect (self->sorted, "items-changed", G_CALLBACK (sorted_items_changed_cb), self);
  g_list_store_append (parts, self->sorted);
  g_list_store_append (parts, self->totals);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                            self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  sync_kind_widgets (self);
  show_empty (self, FALSE);
}

GtkWidget *
tz_quota_page_new (void)
{
  return g_object_new (TZ_TYPE_QUOTA_PAGE, NULL);
}
