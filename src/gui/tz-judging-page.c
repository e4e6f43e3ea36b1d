/* tz-judging-page.c — the judging page (评审) of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One track of the campaign at a time: how the notice ranks it (专家评审 60% +
 * 网络评选 40% …), then the ranking tz_ranking_compute() gives, each entry
 * with its rank (ties shown "=2"), the expert and online parts, the composite
 * and the award. Recompute saves the allocation; Locked freezes it, so that
 * late scores no longer move the awards. The page decides nothing itself.
 */
#define G_LOG_DOMAIN "tz-judging-page"

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "tz-campaign.h"
#include "tz-judging-page.h"
#include "tz-ranking.h"
#include "tz-scores.h"

/* One row of the ranking as an object the column view can show. Private. */
#define TZ_TYPE_JUDGING_ITEM (tz_judging_item_get_type ())
G_DECLARE_FINAL_TYPE (TzJudgingItem, tz_judging_item, TZ, JUDGING_ITEM, GObject)

struct _TzJudgingItem
{
  GObject parent_instance;

  TzRankRow *row;
};

G_DEFINE_FINAL_TYPE (TzJudgingItem, tz_judging_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ENTRY_ID,
  ITEM_PROP_TITLE,
  ITEM_PROP_RANK,
  ITEM_PROP_TIED,
  ITEM_PROP_COUNTED,
  ITEM_PROP_COMPOSITE,
  ITEM_PROP_AWARD,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

/* The columns of the table, in order. */
typedef enum
{
  COLUMN_RANK,
  COLUMN_TITLE,
  COLUMN_ENTRANT,
  COLUMN_DIVISION,
  COLUMN_EXPERT,
  COLUMN_METRIC,
  COLUMN_COMPOSITE,
  COLUMN_AWARD,
  N_COLUMNS
} Column;

struct _TzJudgingPage
{
  TzPage parent_instance;

  GListStore *rows;      /* TzJudgingItem, in the core's order */
  GtkStringList *tracks; /* the names shown by the track selector */
  GArray *track_ids;     /* gint64, parallel to tracks */
  GPtrArray *track_data; /* TzTrack, parallel to tracks */
  gint64 track_id;       /* the track shown, 0 for none */
  gboolean syncing;      /* set while the page itself changes its controls */
  guint generation;      /* counts the loads of the ranking: a save reloads the page at once,
                          * and the cells a handler holds may be gone */

  /* Template widgets */
  GtkWidget *toolbar;
  GtkDropDown *track_dropdown;
  GtkLabel *method_label;
  GtkToggleButton *lock_toggle;
  GtkWidget *recompute_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkColumnView *column_view;
  GtkWidget *scores_box;
  GtkWidget *breakdown_pane;
  GtkBox *breakdown_box;

  /* The selected entry of the ranking and how its composite is made up */
  GtkSingleSelection *selection;
  gint64 selected_entry;      /* 0: none */
  TzRankBreakdown *breakdown; /* of selected_entry, NULL when none */
  TzRankingRules *rules;      /* of the track shown, NULL when none */

  /* The score grid, built in code */
  GtkDropDown *judge_dropdown;
  GtkStringList *judges; /* the names shown by the judge selector */
  GArray *judge_ids;     /* gint64, parallel to judges */
  gint64 judge_id;       /* the judge whose scores are shown, 0 for none */
  GPtrArray *criteria;   /* TzCriterionInfo of the track, one column each */
  GHashTable *scores;    /* "entry:criterion" → the value as shown */
  GHashTable *marks;     /* "entry:criterion" → MARK_ABSTAIN | MARK_CONFLICT */
  GtkColumnView *score_view;
  GtkWidget *scores_import;
  GtkWidget *metrics_import;
};

G_DEFINE_FINAL_TYPE (TzJudgingPage, tz_judging_page, TZ_TYPE_PAGE)

static const char *const watched[] = { "score", "metric_snapshot", "award", "award_tier",
                                       "entry", "track",           NULL };

/* TzJudgingItem */

static void
tz_judging_item_finalize (GObject *object)
{
  TzJudgingItem *self = TZ_JUDGING_ITEM (object);

  g_clear_pointer (&self->row, tz_rank_row_free);
  G_OBJECT_CLASS (tz_judging_item_parent_class)->finalize (object);
}

static void
tz_judging_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzJudgingItem *self = TZ_JUDGING_ITEM (object);

  switch (prop_id)
    {
      case ITEM_PROP_ENTRY_ID:
        g_value_set_int64 (value, self->row->entry_id);
        break;
      case ITEM_PROP_TITLE:
        g_value_set_string (value, self->row->title);
        break;
      case ITEM_PROP_RANK:
        g_value_set_int64 (value, self->row->rank);
        break;
      case ITEM_PROP_TIED:
        g_value_set_boolean (value, self->row->tied);
        break;
      case ITEM_PROP_COUNTED:
        g_value_set_boolean (value, self->row->counted);
        break;
      case ITEM_PROP_COMPOSITE:
        g_value_set_double (value, self->row->composite);
        break;
      case ITEM_PROP_AWARD:
        g_value_set_string (value, self->row->award);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_judging_item_class_init (TzJudgingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_judging_item_finalize;
  object_class->get_property = tz_judging_item_get_property;

  item_properties[ITEM_PROP_ENTRY_ID] = g_param_spec_int64 (
      "entry-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_RANK] = g_param_spec_int64 ("rank", NULL, NULL, 0, G_MAXINT64, 0,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TIED] =
      g_param_spec_boolean ("tied", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_COUNTED] =
      g_param_spec_boolean ("counted", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_COMPOSITE] =
      g_param_spec_double ("composite", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_AWARD] =
      g_param_spec_string ("award", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
tz_judging_item_init (TzJudgingItem *self)
{
}

/* Takes @row. */
static TzJudgingItem *
item_new (TzRankRow *row)
{
  TzJudgingItem *item = g_object_new (TZ_TYPE_JUDGING_ITEM, NULL);

  item->row = row;
  return item;
}

/* What a cell shows. */
static char *
item_column_text (TzJudgingItem *item, Column column)
{
  const TzRankRow *row = item->row;

  switch (column)
    {
      case COLUMN_RANK:
        if (row->rank <= 0)
          return g_strdup ("—");
        if (row->tied)
          return g_strdup_printf ("=%" PRId64, row->rank);
        return g_strdup_printf ("%" PRId64, row->rank);
      case COLUMN_TITLE:
        return g_strdup (row->title);
      case COLUMN_ENTRANT:
        return g_strdup (row->entrant);
      case COLUMN_DIVISION:
        return g_strdup (row->division);
      case COLUMN_EXPERT:
        return row->expert < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f", row->expert);
      case COLUMN_METRIC:
        return row->metric < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f", row->metric);
      case COLUMN_COMPOSITE:
        return g_strdup_printf ("%.1f", row->composite);
      case COLUMN_AWARD:
        return g_strdup (row->award);
      case N_COLUMNS:
      default:
        break;
    }
  g_return_val_if_reached (NULL);
}

/* TzJudgingPage: the table */

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  Column column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column == COLUMN_RANK || column == COLUMN_EXPERT || column == COLUMN_METRIC ||
                     column == COLUMN_COMPOSITE;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (column == COLUMN_TITLE || column == COLUMN_ENTRANT)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_AWARD)
    gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  Column column = GPOINTER_TO_UINT (data);
  TzJudgingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_column_text (item, column);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (column == COLUMN_AWARD && text != NULL)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if (item->row->counted)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, NULL);
      if (column == COLUMN_METRIC && item->row->metric_taken_on != NULL)
        {
          g_autofree char *tip =
              item->row->metric_from_account
                  ? g_strdup_printf (_ ("The latest snapshot of the entry’s account, %s"),
                                     item->row->metric_taken_on)
                  : g_strdup_printf (_ ("The entry’s latest snapshot, %s"),
                                     item->row->metric_taken_on);

          gtk_widget_set_tooltip_text (label, tip);
        }
    }
  else
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (
          label, _ ("Not counted: only the entrant’s best work counts in this track"));
    }
}

static void
add_column (TzJudgingPage *self, Column column, const char *title, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* TzJudgingPage: helpers */

static const TzTrack *
shown_track (TzJudgingPage *self)
{
  for (guint i = 0; i < self->track_ids->len; i++)
    if (g_array_index (self->track_ids, gint64, i) == self->track_id)
      return self->track_data->pdata[i];
  return NULL;
}

static char *
method_text (const TzTrack *track)
{
  if (track == NULL)
    return g_strdup ("");
  if (g_strcmp0 (track->ranking_method, "composite") == 0)
    /* TRANSLATORS: how a track is ranked, as the notice says 专家评审 60% + 网络评选 40% */
    return g_strdup_printf (_ ("Expert review %d%% + online %d%%"),
                            (int) (track->expert_weight + 0.5), (int) (track->metric_weight + 0.5));
  if (g_strcmp0 (track->ranking_method, "metric") == 0 && track->metric != NULL)
    return g_strdup_printf ("%s (%s)", tz_track_ranking_label (track->ranking_method),
                            track->metric);
  return g_strdup (tz_track_ranking_label (track->ranking_method));
}

/* The daily limit of the platform, as the notice states it. */
static char *
daily_limit_text (const TzRankingRules *rules)
{
  if (rules == NULL || rules->max_per_voter_per_day <= 0)
    return NULL;
  /* TRANSLATORS: the notice's rule for online figures: 每人每天最多 3 次 */
  return g_strdup_printf (_ ("at most %" PRId64 " a day per person"), rules->max_per_voter_per_day);
}

/* How the track is ranked, with its rules: the weights or the metric, the
 * best-work rule and the daily limit of the online figure. */
static char *
ranking_text (const TzTrack *track, const TzRankingRules *rules)
{
  g_autofree char *method = method_text (track);
  g_autofree char *limit = daily_limit_text (rules);
  GString *text = g_string_new (method);

  if (rules != NULL && rules->best_work_only)
    g_string_append_printf (text, " · %s", _ ("only each entrant’s best work counts"));
  if (limit != NULL)
    g_string_append_printf (text, " · %s", limit);
  return g_string_free (text, FALSE);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
show_empty (TzJudgingPage *self, const char *title, const char *description)
{
  g_list_store_remove_all (self->rows);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Shows whether the track's awards are locked, and what that allows. */
static void
sync_lock (TzJudgingPage *self, gboolean has_track, gboolean locked)
{
  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->lock_toggle, has_track && locked);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_toggle), has_track);
  gtk_widget_set_sensitive (self->recompute_button, has_track && !locked);
  gtk_widget_set_tooltip_text (
      self->recompute_button,
      locked ? _ ("The awards are locked: unlock them to recompute")
             : _ ("Rank the entries again, save the awards and mark the awarded entries"));
}

/* The score grid */

enum
{
  MARK_ABSTAIN = 1 << 0,
  MARK_CONFLICT = 1 << 1
};

static guint
score_marks (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id)
{
  g_autofree char *key =
      g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, entry_id, criterion_id);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->marks, key));
}

static char *
score_key (gint64 entry_id, gint64 criterion_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, entry_id, criterion_id);
}

static const TzCriterionInfo *
find_criterion (TzJudgingPage *self, gint64 criterion_id)
{
  for (guint i = 0; i < self->criteria->len; i++)
    {
      TzCriterionInfo *c = self->criteria->pdata[i];

      if (c->id == criterion_id)
        return c;
    }
  return NULL;
}

/* What a cell's menu button and entry show for its marks: the word of the
 * import's note column (回避, 弃权) when marked, a score that does not count
 * dimmed. */
static void
sync_cell_marks (GtkWidget *entry, GtkWidget *menu, guint marks)
{
  const char *word = (marks & MARK_CONFLICT) ? "回避" : (marks & MARK_ABSTAIN) ? "弃权" : NULL;
  GtkWidget *counts = g_object_get_data (G_OBJECT (menu), "tz-counts");
  GtkWidget *conflict = g_object_get_data (G_OBJECT (menu), "tz-conflict");
  GtkWidget *abstain = g_object_get_data (G_OBJECT (menu), "tz-abstain");

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), word);
  if (word != NULL)
    {
      gtk_widget_add_css_class (entry, "dim-label");
      gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), word);
      gtk_widget_add_css_class (menu, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (entry, "dim-label");
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
      gtk_widget_remove_css_class (menu, "warning");
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (counts), word == NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (conflict), (marks & MARK_CONFLICT) != 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (abstain),
                               (marks & MARK_ABSTAIN) != 0 && (marks & MARK_CONFLICT) == 0);
}

/* Saves one cell of the grid and what the page shows of it. */
static gboolean
save_score (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id, double value,
            gboolean abstain, gboolean conflict, GError **error)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  guint marks = (abstain ? MARK_ABSTAIN : 0) | (conflict ? MARK_CONFLICT : 0);

  if (db == NULL || find_criterion (self, criterion_id) == NULL || self->judge_id == 0)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                           _ ("no such criterion in the track"));
      return FALSE;
    }
  if (!tz_score_save (db, entry_id, self->judge_id, criterion_id, value, abstain, conflict, NULL,
                      error))
    return FALSE;
  if (value >= 0)
    g_hash_table_insert (self->scores, score_key (entry_id, criterion_id),
                         g_strdup_printf ("%g", value));
  else
    {
      g_autofree char *key = score_key (entry_id, criterion_id);

      g_hash_table_remove (self->scores, key);
    }
  if (marks != 0)
    g_hash_table_insert (self->marks, score_key (entry_id, criterion_id), GUINT_TO_POINTER (marks));
  else
    {
      g_autofree char *key = score_key (entry_id, criterion_id);

      g_hash_table_remove (self->marks, key);
    }
  return TRUE;
}

static void
score_commit (GtkEntry *entry, TzJudgingPage *self)
{
  gint64 *entry_id = g_object_get_data (G_OBJECT (entry), "tz-entry-id");
  gint64 *criterion_id = g_object_get_data (G_OBJECT (entry), "tz-criterion-id");
  GtkWidget *menu = g_object_get_data (G_OBJECT (entry), "tz-menu");
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkWidget) hold = g_object_ref (GTK_WIDGET (entry));
  guint generation = self->generation;

  if (entry_id == NULL || criterion_id == NULL)
    return;
  stored = tz_judging_page_get_score_text (self, *entry_id, *criterion_id);
  if (g_strcmp0 (stored, text) == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      return;
    }
  if (tz_judging_page_edit_score (self, *entry_id, *criterion_id, text, &error))
    {
      g_autofree char *now = NULL;

      /* Saving reloaded the page: every cell is bound afresh. */
      if (self->generation != generation)
        return;
      now = tz_judging_page_get_score_text (self, *entry_id, *criterion_id);

      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      /* A mark typed as its word shows as the mark. */
      if (g_strcmp0 (now, text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), now);
      if (menu != NULL)
        {
          self->syncing = TRUE;
          sync_cell_marks (GTK_WIDGET (entry), menu, score_marks (self, *entry_id, *criterion_id));
          self->syncing = FALSE;
        }
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
    }
}

static void
score_focus_leave_cb (GtkEventControllerFocus *controller, TzJudgingPage *self)
{
  score_commit (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))),
                self);
}

/* One of the three choices of a cell's menu: counts, 回避, 弃权. */
static void
mark_toggled_cb (GtkCheckButton *button, TzJudgingPage *self)
{
  GtkWidget *menu = g_object_get_data (G_OBJECT (button), "tz-menu");
  GtkWidget *entry = g_object_get_data (G_OBJECT (menu), "tz-entry");
  gint64 *entry_id = g_object_get_data (G_OBJECT (entry), "tz-entry-id");
  gint64 *criterion_id = g_object_get_data (G_OBJECT (entry), "tz-criterion-id");
  guint mark = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tz-mark"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkWidget) hold_button = NULL;
  g_autoptr (GtkWidget) hold_menu = NULL;
  g_autoptr (GtkWidget) hold_entry = NULL;
  guint generation = self->generation;
  gint64 entry_key, criterion_key;

  if (self->syncing || !gtk_check_button_get_active (button) || entry_id == NULL ||
      criterion_id == NULL)
    return;
  hold_button = g_object_ref (GTK_WIDGET (button));
  hold_menu = g_object_ref (menu);
  hold_entry = g_object_ref (entry);
  entry_key = *entry_id;
  criterion_key = *criterion_id;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  if (!tz_judging_page_set_score_marks (self, entry_key, criterion_key, (mark & MARK_ABSTAIN) != 0,
                                        (mark & MARK_CONFLICT) != 0, &error))
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The score could not be marked"), error);
      return;
    }
  /* Saving reloaded the page: every cell is bound afresh. */
  if (self->generation != generation)
    return;
  self->syncing = TRUE;
  sync_cell_marks (entry, menu, score_marks (self, entry_key, criterion_key));
  self->syncing = FALSE;
}

static GtkWidget *
mark_choice (TzJudgingPage *self, GtkWidget *menu, GtkWidget *box, GtkCheckButton *group,
             const char *label, guint mark, const char *key)
{
  GtkWidget *button = gtk_check_button_new_with_label (label);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_object_set_data (G_OBJECT (button), "tz-menu", menu);
  g_object_set_data (G_OBJECT (button), "tz-mark", GUINT_TO_POINTER (mark));
  g_object_set_data (G_OBJECT (menu), key, button);
  g_signal_connect (button, "toggled", G_CALLBACK (mark_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
score_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzJudgingPage *self)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *first;
  GtkEventController *focus = gtk_event_controller_focus_new ();
  gint64 *criterion_id = g_object_get_data (G_OBJECT (factory), "tz-criterion-id");
  const char *name = g_object_get_data (G_OBJECT (factory), "tz-criterion-name");
  g_autofree char *menu_name = g_strdup_printf (_ ("Mark the score of %s"), name);

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0f);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data_full (G_OBJECT (entry), "tz-criterion-id",
                          g_memdup2 (criterion_id, sizeof (gint64)), g_free);
  g_object_set_data (G_OBJECT (entry), "tz-menu", menu);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
      _ ("Type a score, or 回避 (conflict of interest) or 弃权 (abstain)"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (score_commit), self);
  g_signal_connect (focus, "leave", G_CALLBACK (score_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_box_append (GTK_BOX (cell), entry);

  /* The marks: a small menu beside the cell, or the word typed in it. */
  gtk_widget_set_margin_start (choices, 6);
  gtk_widget_set_margin_end (choices, 6);
  gtk_widget_set_margin_top (choices, 6);
  gtk_widget_set_margin_bottom (choices, 6);
  first = mark_choice (self, menu, choices, NULL, _ ("Counts"), 0, "tz-counts");
  mark_choice (self, menu, choices, GTK_CHECK_BUTTON (first), _ ("Conflict of interest (回避)"),
               MARK_CONFLICT, "tz-conflict");
  mark_choice (self, menu, choices, GTK_CHECK_BUTTON (first), _ ("Abstained (弃权)"), MARK_ABSTAIN,
               "tz-abstain");
  gtk_popover_set_child (GTK_POPOVER (popover), choices);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu, _ ("Mark this score 回避 (conflict of interest) or 弃权 "
                                        "(abstain), or clear the mark. A marked score is left "
                                        "out of the ranking; typing 回避 or 弃权 in the cell "
                                        "does the same."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name,
                                  -1);
  g_object_set_data (G_OBJECT (menu), "tz-entry", entry);
  gtk_box_append (GTK_BOX (cell), menu);
  gtk_list_item_set_child (list_item, cell);
}

static void
score_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzJudgingPage *self)
{
  TzJudgingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GtkWidget *entry = gtk_widget_get_first_child (cell);
  GtkWidget *menu = gtk_widget_get_last_child (cell);
  gint64 *criterion_id = g_object_get_data (G_OBJECT (entry), "tz-criterion-id");
  g_autofree char *text = tz_judging_page_get_score_text (self, item->row->entry_id, *criterion_id);

  g_object_set_data_full (G_OBJECT (entry), "tz-entry-id",
                          g_memdup2 (&item->row->entry_id, sizeof (gint64)), g_free);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->syncing = TRUE;
  sync_cell_marks (entry, menu, score_marks (self, item->row->entry_id, *criterion_id));
  self->syncing = FALSE;
  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  gtk_widget_set_sensitive (cell, self->judge_id > 0);
}

static void
total_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzJudgingPage *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
total_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzJudgingPage *self)
{
  TzJudgingItem *item = gtk_list_item_get_item (list_item);
  double total = 0;
  gboolean any = FALSE;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->criteria->len; i++)
    {
      TzCriterionInfo *c = self->criteria->pdata[i];
      g_autofree char *key = score_key (item->row->entry_id, c->id);
      const char *value = g_hash_table_lookup (self->scores, key);

      /* A marked score is left out, as in the ranking. */
      if (value != NULL && *value != '\0' && score_marks (self, item->row->entry_id, c->id) == 0)
        {
          total += g_ascii_strtod (value, NULL);
          any = TRUE;
        }
    }
  if (any)
    text = g_strdup_printf ("%g", total);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "");
}

static void
add_score_column (TzJudgingPage *self, const TzCriterionInfo *criterion)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;
  g_autofree char *title = NULL;

  if (criterion != NULL)
    {
      g_object_set_data_full (G_OBJECT (factory), "tz-criterion-id",
                              g_memdup2 (&criterion->id, sizeof (gint64)), g_free);
      g_object_set_data_full (G_OBJECT (factory), "tz-criterion-name", g_strdup (criterion->name),
                              g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (score_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (score_bind_cb), self);
      title = criterion->max_score > 0
                  ? g_strdup_printf ("%s (%g)", criterion->name, criterion->max_score)
                  : g_strdup (criterion->name);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (total_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (total_bind_cb), self);
      title = g_strdup (_ ("Total"));
    }
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->score_view, column);
}

static void
rebuild_score_columns (TzJudgingPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->score_view);

  /* The first column, the title, stays. */
  while (g_list_model_get_n_items (columns) > 1)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 1);

      gtk_column_view_remove_column (self->score_view, column);
    }
  for (guint i = 0; i < self->criteria->len; i++)
    add_score_column (self, self->criteria->pdata[i]);
  add_score_column (self, NULL);
}

/* Loads the judges, criteria and scores of the track shown; before the rows are replaced. */
static void
load_scores (TzJudgingPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GPtrArray) judges = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GArray) cells = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean same = TRUE;

  g_hash_table_remove_all (self->scores);
  g_hash_table_remove_all (self->marks);
  g_array_set_size (self->judge_ids, 0);
  if (db != NULL && self->track_id != 0)
    {
      judges = tz_scores_list_judges (db, self->track_id, &error);
      if (judges != NULL)
        criteria = tz_scores_list_criteria (db, self->track_id, &error);
      if (criteria == NULL)
        tz_page_show_error (TZ_PAGE (self), _ ("The scores could not be read"), error);
    }
  for (guint i = 0; judges != NULL && i < judges->len; i++)
    {
      TzJudgeInfo *j = judges->pdata[i];

      g_array_append_val (self->judge_ids, j->id);
      g_ptr_array_add (names, j->name);
      if (j->id == self->judge_id)
        position = i;
    }
  g_ptr_array_add (names, NULL);
  if (position == GTK_INVALID_LIST_POSITION && self->judge_ids->len > 0)
    position = 0;
  self->judge_id =
      position != GTK_INVALID_LIST_POSITION ? g_array_index (self->judge_ids, gint64, position) : 0;
  self->syncing = TRUE;
  gtk_string_list_splice (self->judges, 0, g_list_model_get_n_items (G_LIST_MODEL (self->judges)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->judge_dropdown, position);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->judge_dropdown), self->judge_ids->len > 0);
  gtk_widget_set_sensitive (self->scores_import, self->track_id != 0);
  gtk_widget_set_sensitive (self->metrics_import, self->track_id != 0);

  if (criteria == NULL)
    criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_criterion_info_free);
  if (criteria->len != self->criteria->len)
    same = FALSE;
  for (guint i = 0; same && i < criteria->len; i++)
    {
      TzCriterionInfo *a = criteria->pdata[i];
      TzCriterionInfo *b = self->criteria->pdata[i];

      same = a->id == b->id && a->max_score == b->max_score && g_strcmp0 (a->name, b->name) == 0;
    }
  g_ptr_array_unref (self->criteria);
  self->criteria = g_steal_pointer (&criteria);
  if (!same || gtk_column_view_get_columns (self->score_view) == NULL ||
      g_list_model_get_n_items (gtk_column_view_get_columns (self->score_view)) < 2)
    rebuild_score_columns (self);

  if (db == NULL || self->judge_id == 0)
    return;
  cells = tz_scores_get (db, self->track_id, self->judge_id, &error);
  if (cells == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The scores could not be read"), error);
      return;
    }
  for (guint i = 0; i < cells->len; i++)
    {
      TzScoreCell *cell = &g_array_index (cells, TzScoreCell, i);

      if (cell->abstain || cell->conflict)
        g_hash_table_insert (self->marks, score_key (cell->entry_id, cell->criterion_id),
                             GUINT_TO_POINTER ((cell->abstain ? MARK_ABSTAIN : 0) |
                                               (cell->conflict ? MARK_CONFLICT : 0)));
      if (cell->value >= 0)
        g_hash_table_insert (self->scores, score_key (cell->entry_id, cell->criterion_id),
                             g_strdup_printf ("%g", cell->value));
    }
}

/* The breakdown of the selected entry */

static GtkWidget *
pane_label (GtkBox *box, const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
grid_label (GtkGrid *grid, int column, int row, const char *text, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

/* One judge's value of one criterion as the breakdown shows it. */
static char *
score_detail_text (const TzScoreDetail *s, gboolean normalized, const char **tooltip)
{
  *tooltip = NULL;
  switch (s->use)
    {
      case TZ_SCORE_CONFLICT:
        *tooltip = _ ("Left out: conflict of interest (回避)");
        return g_strdup ("回避");
      case TZ_SCORE_ABSTAIN:
        *tooltip = _ ("Left out: the judge abstained (弃权)");
        return g_strdup ("弃权");
      case TZ_SCORE_BLANK:
        *tooltip = _ ("Left out: no value");
        return g_strdup ("—");
      case TZ_SCORE_TRIMMED:
        *tooltip = _ ("Left out: the highest or the lowest value of the trimmed mean");
        /* TRANSLATORS: a judge's value left out of a trimmed mean */
        return g_strdup_printf (_ ("%g (trimmed)"), s->value);
      case TZ_SCORE_COUNTED:
      default:
        if (normalized)
          {
            *tooltip = _ ("The value, and its z-score: how far it lies from the judge’s own mean "
                          "on this criterion, in the judge’s standard deviations");
            return g_strdup_printf ("%g (z %+.2f)", s->value, s->z);
          }
        return g_strdup_printf ("%g", s->value);
    }
}

static const TzScoreDetail *
find_score_detail (const TzRankBreakdown *b, gint64 judge_id, gint64 criterion_id)
{
  for (guint i = 0; i < b->scores->len; i++)
    {
      const TzScoreDetail *s = &g_array_index (b->scores, TzScoreDetail, i);

      if (s->judge_id == judge_id && s->criterion_id == criterion_id)
        return s;
    }
  return NULL;
}

static void
show_expert_part (GtkBox *box, const TzRankBreakdown *b)
{
  GtkGrid *grid;
  double sum = 0;
  guint n = b->criteria->len;

  pane_label (box, _ ("Expert review"), "heading");
  if (b->judges->len == 0)
    {
      pane_label (box, _ ("No expert scores yet: the expert total counts as 0."), "dim-label");
      return;
    }
  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Scores of each judge"), -1);
  grid_label (grid, 0, 0, _ ("Judge"), FALSE);
  for (guint c = 0; c < n; c++)
    {
      const TzCriterionDetail *crit = b->criteria->pdata[c];
      g_autofree char *title = g_strdup_printf ("%s (%g)", crit->name, crit->max);

      grid_label (grid, (int) c + 1, 0, title, TRUE);
    }
  grid_label (grid, (int) n + 1, 0, _ ("Total"), TRUE);
  for (int c = 0; c <= (int) n + 1; c++)
    gtk_widget_add_css_class (gtk_grid_get_child_at (grid, c, 0), "dim-label");

  for (guint j = 0; j < b->judges->len; j++)
    {
      const TzJudgeDetail *judge = b->judges->pdata[j];
      g_autofree char *total = judge->total >= 0 ? g_strdup_printf ("%g", judge->total) : NULL;

      grid_label (grid, 0, (int) j + 1, judge->name, FALSE);
      for (guint c = 0; c < n; c++)
        {
          const TzCriterionDetail *crit = b->criteria->pdata[c];
          const TzScoreDetail *s = find_score_detail (b, judge->id, crit->id);
          const char *tooltip = NULL;
          g_autofree char *text =
              s != NULL ? score_detail_text (s, b->rules->normalize, &tooltip) : g_strdup ("");
          GtkWidget *label = grid_label (grid, (int) c + 1, (int) j + 1, text, TRUE);

          gtk_widget_set_tooltip_text (label, tooltip);
          if (s != NULL && s->use != TZ_SCORE_COUNTED)
            gtk_widget_add_css_class (label, "dim-label");
        }
      grid_label (grid, (int) n + 1, (int) j + 1, total != NULL ? total : "—", TRUE);
    }

  /* The aggregate of each criterion. */
  grid_label (grid, 0, (int) b->judges->len + 1,
              b->rules->trimmed ? _ ("Trimmed mean") : _ ("Mean"), FALSE);
  for (guint c = 0; c < n; c++)
    {
      const TzCriterionDetail *crit = b->criteria->pdata[c];
      g_autofree char *text =
          crit->aggregate >= 0 ? g_strdup_printf ("%.2f", crit->aggregate) : g_strdup ("—");

      grid_label (grid, (int) c + 1, (int) b->judges->len + 1, text, TRUE);
      if (crit->aggregate >= 0)
        sum += crit->weight * crit->aggregate;
    }
  gtk_box_append (box, GTK_WIDGET (grid));

  if (b->rules->normalize)
    pane_label (box,
                _ ("The judges’ values are normalised first: each judge’s values of a criterion "
                   "are moved to the mean and spread of all judges (z-scores shown)."),
                "dim-label");
  {
    g_autofree char *line = NULL;

    if (b->row->expert >= 0)
      /* TRANSLATORS: expert total = 100 × Σ (weight × aggregate) ÷ Σ (weight × maximum) */
      line = g_strdup_printf (_ ("Expert total: 100 × %.2f ÷ %g = %.2f"), sum, b->expert_max_total,
                              b->row->expert);
    else
      line = g_strdup (_ ("No value counts: the expert total counts as 0."));
    pane_label (box, line, NULL);
  }
}

static void
show_metric_part (GtkBox *box, const TzRankBreakdown *b)
{
  const char *metric = b->rules->metric != NULL ? b->rules->metric : _ ("Online figure");
  g_autofree char *limit = daily_limit_text (b->rules);
  g_autofree char *line = NULL;

  pane_label (box, _ ("Online"), "heading");
  if (b->row->metric >= 0)
    {
      g_autofree char *source = NULL;

      /* TRANSLATORS: e.g. 浏览量: 1200, snapshot of 2023-10-31 */
      line = g_strdup_printf (_ ("%s: %g, snapshot of %s"), metric, b->row->metric,
                              b->row->metric_taken_on);
      pane_label (box, line, NULL);
      source = g_strdup (b->row->metric_from_account
                             ? _ ("The entry has no snapshot of its own: the latest snapshot of "
                                  "its account counts.")
                             : _ ("The entry’s latest snapshot counts."));
      pane_label (box, source, "dim-label");
      g_free (line);
      line = g_strdup_printf (_ ("Scaled: 100 × %g ÷ %g (the largest in the division) = %.2f"),
                              b->row->metric, b->metric_max, b->metric_scaled);
      pane_label (box, line, NULL);
    }
  else
    {
      line = g_strdup_printf (_ ("%s: no snapshot yet (counts as 0)"), metric);
      pane_label (box, line, NULL);
    }
  if (limit != NULL)
    {
      g_autofree char *rule = g_strdup_printf (
          _ ("The notice allows %s; the platform’s counts already apply it, and Taizhang keeps "
             "them as they are."),
          limit);

      pane_label (box, rule, "dim-label");
    }
}

static void
breakdown_close_cb (TzJudgingPage *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* Fills the side pane with the breakdown of the selected entry. */
static void
show_breakdown (TzJudgingPage *self)
{
  GtkBox *box = self->breakdown_box;
  const TzRankBreakdown *b = self->breakdown;
  GtkWidget *child;
  gboolean expert, metric;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  gtk_widget_set_visible (self->breakdown_pane, b != NULL);
  if (b == NULL)
    return;

  expert = b->expert_share > 0 || b->judges->len > 0;
  metric = b->metric_share > 0 || b->row->metric >= 0;
  {
    GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

    gtk_box_append (box, header);
    gtk_widget_set_hexpand (pane_label (GTK_BOX (header), b->row->title, "title-4"), TRUE);
    gtk_widget_add_css_class (close, "flat");
    gtk_widget_set_valign (close, GTK_ALIGN_START);
    gtk_widget_set_tooltip_text (close, _ ("Close the breakdown"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Close the breakdown"), -1);
    g_signal_connect_swapped (close, "clicked", G_CALLBACK (breakdown_close_cb), self);
    gtk_box_append (GTK_BOX (header), close);
  }
  {
    g_autofree char *rank =
        b->row->rank <= 0 ? g_strdup ("—")
                          : g_strdup_printf (b->row->tied ? "=%" PRId64 : "%" PRId64, b->row->rank);
    /* TRANSLATORS: rank, composite and award of the selected entry */
    g_autofree char *line =
        g_strdup_printf (_ ("Rank %s · composite %.2f · %s"), rank, b->row->composite,
                         b->row->award != NULL ? b->row->award : _ ("no award"));

    if (!is_blank (b->row->entrant))
      pane_label (box, b->row->entrant, "dim-label");
    pane_label (box, line, NULL);
  }
  if (!b->row->counted)
    pane_label (box, _ ("Not counted: only the entrant’s best work counts in this track"),
                "warning");
  if (expert)
    show_expert_part (box, b);
  if (metric)
    show_metric_part (box, b);

  pane_label (box, _ ("Composite"), "heading");
  {
    g_autofree char *line = NULL;

    if (b->expert_share > 0 && b->metric_share > 0)
      /* TRANSLATORS: 60% × expert 85.00 + 40% × online 60.00 = 75.00 */
      line = g_strdup_printf (_ ("%g%% × expert %.2f + %g%% × online %.2f = %.2f"),
                              round (b->expert_share * 1000) / 10, MAX (b->row->expert, 0),
                              round (b->metric_share * 1000) / 10, b->metric_scaled,
                              b->row->composite);
    else if (b->metric_share > 0)
      line = g_strdup_printf (_ ("The composite is the scaled online figure: %.2f"),
                              b->row->composite);
    else if (g_strcmp0 (b->rules->method, "manual") == 0)
      line =
          g_strdup_printf (_ ("Awards are given by hand; the composite is the expert total: %.2f"),
                           b->row->composite);
    else
      line = g_strdup_printf (_ ("The composite is the expert total: %.2f"), b->row->composite);
    pane_label (box, line, NULL);
  }
}

/* Reads the breakdown of the selected entry from the core. */
static void
load_breakdown (TzJudgingPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->breakdown, tz_rank_breakdown_free);
  if (db != NULL && self->track_id != 0 && self->selected_entry != 0)
    {
      self->breakdown = tz_ranking_breakdown (db, self->track_id, self->selected_entry, &error);
      if (self->breakdown == NULL && !g_error_matches (error, TZ_ERROR, TZ_ERROR_NOT_FOUND))
        tz_page_show_error (TZ_PAGE (self), _ ("The ranking could not be computed"), error);
    }
  show_breakdown (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, TzJudgingPage *self)
{
  TzJudgingItem *item; /* owned by the selection */

  if (self->syncing)
    return;
  item = gtk_single_selection_get_selected_item (selection);
  self->selected_entry = item != NULL ? item->row->entry_id : 0;
  load_breakdown (self);
}

static void
load_ranking (TzJudgingPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *method = NULL;
  gboolean locked = FALSE;
  guint position = GTK_INVALID_LIST_POSITION;

  self->generation++;
  g_clear_pointer (&self->rules, tz_ranking_rules_free);
  if (db != NULL && self->track_id != 0)
    self->rules = tz_ranking_get_rules (db, self->track_id, NULL);
  method = ranking_text (shown_track (self), self->rules);
  gtk_label_set_text (self->method_label, method);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->method_label),
                               self->rules != NULL ? self->rules->note : NULL);
  load_scores (self);
  if (db == NULL || self->track_id == 0)
    {
      sync_lock (self, FALSE, FALSE);
      self->selected_entry = 0;
      load_breakdown (self);
      return;
    }

  if (!tz_ranking_is_locked (db, self->track_id, &locked, &error) ||
      (rows = tz_ranking_compute (db, self->track_id, FALSE, &error)) == NULL)
    {
      sync_lock (self, FALSE, FALSE);
      self->syncing = TRUE;
      show_empty (self, _ ("No Entries in This Track"), NULL);
      self->syncing = FALSE;
      self->selected_entry = 0;
      load_breakdown (self);
      tz_page_show_error (TZ_PAGE (self), _ ("The ranking could not be computed"), error);
      return;
    }
  sync_lock (self, TRUE, locked);

  /* The items take the rows; the selected entry stays selected. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      if (((TzRankRow *) rows->pdata[i])->entry_id == self->selected_entry)
        position = i;
      g_ptr_array_add (items, item_new (rows->pdata[i]));
    }
  self->syncing = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position == GTK_INVALID_LIST_POSITION)
    self->selected_entry = 0;
  load_breakdown (self);
  if (items->len == 0)
    show_empty (self, _ ("No Entries in This Track"),
                _ ("The entries of the track are ranked here once they are scored."));
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
select_track_position (TzJudgingPage *self, guint position)
{
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->track_dropdown, position);
  self->syncing = FALSE;
}

static void
tz_judging_page_reload (TzPage *page)
{
  TzJudgingPage *self = TZ_JUDGING_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  gint64 campaign_id = tz_page_get_campaign_id (page);
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint position = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->track_ids, 0);
  g_ptr_array_set_size (self->track_data, 0);
  if (db != NULL && campaign_id > 0)
    {
      tracks = tz_campaign_list_tracks (db, campaign_id, &error);
      if (tracks == NULL)
        tz_page_show_error (page, _ ("The ranking could not be computed"), error);
    }
  for (guint i = 0; tracks != NULL && i < tracks->len; i++)
    {
      TzTrack *track = tracks->pdata[i];

      g_array_append_val (self->track_ids, track->id);
      g_ptr_array_add (names, g_strdup (track->name));
      if (track->id == self->track_id)
        position = i;
    }
  if (tracks != NULL)
    {
      /* The page keeps the tracks. */
      for (guint i = 0; i < tracks->len; i++)
        g_ptr_array_add (self->track_data, tracks->pdata[i]);
      g_ptr_array_set_free_func (tracks, NULL);
    }
  g_ptr_array_add (names, NULL);

  self->syncing = TRUE;
  gtk_string_list_splice (self->tracks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tracks)),
                          (const char *const *) names->pdata);
  self->syncing = FALSE;
  if (position == GTK_INVALID_LIST_POSITION && self->track_ids->len > 0)
    position = 0;
  self->track_id =
      position != GTK_INVALID_LIST_POSITION ? g_array_index (self->track_ids, gint64, position) : 0;
  select_track_position (self, position);
  gtk_widget_set_sensitive (GTK_WIDGET (self->track_dropdown), self->track_ids->len > 0);

  if (db == NULL || campaign_id <= 0)
    {
      sync_lock (self, FALSE, FALSE);
      gtk_label_set_text (self->method_label, "");
      show_empty (self, _ ("No Campaign Selected"),
                  _ ("Choose a campaign in the list to see its ranking."));
      load_scores (self);
      return;
    }
  if (self->track_id == 0)
    {
      sync_lock (self, FALSE, FALSE);
      gtk_label_set_text (self->method_label, "");
      show_empty (self, _ ("No Tracks"), _ ("The campaign has no tracks to rank."));
      load_scores (self);
      return;
    }
  load_ranking (self);
}

/* Signal handlers */

static void
track_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, TzJudgingPage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || position >= self->track_ids->len)
    return;
  self->track_id = g_array_index (self->track_ids, gint64, position);
  load_ranking (self);
}

static void
lock_toggled_cb (GtkToggleButton *toggle, TzJudgingPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;

  if (self->syncing || db == NULL || self->track_id == 0)
    return;
  if (!tz_ranking_set_locked (db, self->track_id, gtk_toggle_button_get_active (toggle), &error))
    tz_page_show_error (TZ_PAGE (self), _ ("The awards could not be locked"), error);
  load_ranking (self);
}

static void
recompute_clicked_cb (GtkButton *button, TzJudgingPage *self)
{
  tz_judging_page_recompute (self);
}

static void
judge_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, TzJudgingPage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || position >= self->judge_ids->len)
    return;
  self->judge_id = g_array_index (self->judge_ids, gint64, position);
  load_ranking (self);
}

static void
import_response_cb (GtkNativeDialog *dialog, int response, TzJudgingPage *self)
{
  gboolean metrics = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tz-metrics"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path != NULL)
    tz_judging_page_import_file (self, metrics, path);
}

static void
import_clicked (TzJudgingPage *self, gboolean metrics)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      metrics ? _ ("Import online metric snapshots of a track (xlsx or csv)")
              : _ ("Import expert scores of a track (xlsx or csv)"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Spreadsheets (csv, xlsx)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_object_set_data (G_OBJECT (chooser), "tz-metrics", GINT_TO_POINTER (metrics));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
scores_import_clicked_cb (GtkButton *button, TzJudgingPage *self)
{
  import_clicked (self, FALSE);
}

static void
metrics_import_clicked_cb (GtkButton *button, TzJudgingPage *self)
{
  import_clicked (self, TRUE);
}

/* GObject */

static void
tz_judging_page_dispose (GObject *object)
{
  TzJudgingPage *self = TZ_JUDGING_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->score_view != NULL)
    gtk_column_view_set_model (self->score_view, NULL);
  G_OBJECT_CLASS (tz_judging_page_parent_class)->dispose (object);
}

static void
tz_judging_page_finalize (GObject *object)
{
  TzJudgingPage *self = TZ_JUDGING_PAGE (object);

  g_clear_object (&self->rows);
  g_clear_object (&self->tracks);
  g_clear_pointer (&self->track_ids, g_array_unref);
  g_clear_pointer (&self->track_data, g_ptr_array_unref);
  g_clear_object (&self->judges);
  g_clear_pointer (&self->judge_ids, g_array_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->scores, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->breakdown, tz_rank_breakdown_free);
  g_clear_pointer (&self->rules, tz_ranking_rules_free);
  G_OBJECT_CLASS (tz_judging_page_parent_class)->finalize (object);
}

static void
tz_judging_page_class_init (TzJudgingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_judging_page_dispose;
  object_class->finalize = tz_judging_page_finalize;
  page_class->reload = tz_judging_page_reload;
  page_class->watched_tables = watched;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-judging-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, method_label);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, lock_toggle);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, recompute_button);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, scores_box);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, breakdown_pane);
  gtk_widget_class_bind_template_child (widget_class, TzJudgingPage, breakdown_box);
  gtk_widget_class_bind_template_callback (widget_class, track_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, lock_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, recompute_clicked_cb);
}

static void
build_score_grid (TzJudgingPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_ ("Scores"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) title = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_box_append (GTK_BOX (self->scores_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (bar), heading);

  self->judge_dropdown =
      GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->judges)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->judge_dropdown), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->judge_dropdown), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->judge_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Judge"), -1);
  g_signal_connect (self->judge_dropdown, "notify::selected", G_CALLBACK (judge_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->judge_dropdown));

  self->scores_import = gtk_button_new_with_mnemonic (_ ("Import _Scores…"));
  g_signal_connect (self->scores_import, "clicked", G_CALLBACK (scores_import_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->scores_import);
  self->metrics_import = gtk_button_new_with_mnemonic (_ ("Import _Online Figures…"));
  g_signal_connect (self->metrics_import, "clicked", G_CALLBACK (metrics_import_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->metrics_import);
  gtk_box_append (GTK_BOX (self->scores_box), bar);

  self->score_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->score_view, TRUE);
  gtk_column_view_set_show_row_separators (self->score_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->score_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Scores"), -1);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->score_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (COLUMN_TITLE));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (COLUMN_TITLE));
  title = gtk_column_view_column_new (_ ("Title"), factory);
  gtk_column_view_column_set_expand (title, TRUE);
  gtk_column_view_append_column (self->score_view, title);
  add_score_column (self, NULL);

  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->score_view));
  gtk_box_append (GTK_BOX (self->scores_box), scrolled);
}

static void
tz_judging_page_init (TzJudgingPage *self)
{
  self->rows = g_list_store_new (TZ_TYPE_JUDGING_ITEM);
  self->tracks = gtk_string_list_new (NULL);
  self->track_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->track_data = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_track_free);
  self->judges = gtk_string_list_new (NULL);
  self->judge_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_criterion_info_free);
  self->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (self->tracks));
  /* Selecting an entry shows how its composite is made up. */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, COLUMN_RANK, _ ("Rank"), FALSE);
  add_column (self, COLUMN_TITLE, _ ("Title"), TRUE);
  add_column (self, COLUMN_ENTRANT, _ ("Entrant"), TRUE);
  add_column (self, COLUMN_DIVISION, _ ("Division"), FALSE);
  add_column (self, COLUMN_EXPERT, _ ("Expert"), FALSE);
  add_column (self, COLUMN_METRIC, _ ("Online"), FALSE);
  add_column (self, COLUMN_COMPOSITE, _ ("Composite"), FALSE);
  add_column (self, COLUMN_AWARD, _ ("Award"), FALSE);
  build_score_grid (self);

  show_empty (self, _ ("No Campaign Selected"),
              _ ("Choose a campaign in the list to see its ranking."));
  sync_lock (self, FALSE, FALSE);
}

/* Public */

GtkWidget *
tz_judging_page_new (void)
{
  return g_object_new (TZ_TYPE_JUDGING_PAGE, NULL);
}

gint64
tz_judging_page_get_track_id (TzJudgingPage *self)
{
  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), 0);

  return self->track_id;
}

void
tz_judging_page_select_track (TzJudgingPage *self, gint64 track_id)
{
  g_return_if_fail (TZ_IS_JUDGING_PAGE (self));

  for (guint i = 0; i < self->track_ids->len; i++)
    if (g_array_index (self->track_ids, gint64, i) == track_id)
      {
        self->track_id = track_id;
        select_track_position (self, i);
        load_ranking (self);
        return;
      }
}

gboolean
tz_judging_page_recompute (TzJudgingPage *self)
{
  TzDb *db;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), FALSE);

  db = tz_page_get_db (TZ_PAGE (self));
  if (db == NULL || self->track_id == 0)
    return FALSE;
  rows = tz_ranking_compute (db, self->track_id, TRUE, &error);
  if (rows == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The ranking could not be computed"), error);
      return FALSE;
    }
  load_ranking (self);
  tz_page_add_toast (TZ_PAGE (self), adw_toast_new (_ ("Awards recomputed")));
  return TRUE;
}

gint64
tz_judging_page_get_judge_id (TzJudgingPage *self)
{
  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), 0);
  return self->judge_id;
}

void
tz_judging_page_select_judge (TzJudgingPage *self, gint64 judge_id)
{
  g_return_if_fail (TZ_IS_JUDGING_PAGE (self));
  for (guint i = 0; i < self->judge_ids->len; i++)
    if (g_array_index (self->judge_ids, gint64, i) == judge_id)
      {
        self->judge_id = judge_id;
        load_ranking (self);
        return;
      }
}

char *
tz_judging_page_get_score_text (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id)
{
  g_autofree char *key = score_key (entry_id, criterion_id);
  const char *text;

  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), NULL);
  text = g_hash_table_lookup (self->scores, key);
  return g_strdup (text != NULL ? text : "");
}

gboolean
tz_judging_page_edit_score (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id,
                            const char *text, GError **error)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  const TzCriterionInfo *criterion = find_criterion (self, criterion_id);
  double value = -1;
  guint marks;

  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), FALSE);
  if (db == NULL || criterion == NULL || self->judge_id == 0)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                           _ ("no such criterion in the track"));
      return FALSE;
    }
  /* The abstain and conflict marks stay as they are when a score is typed;
   * their words (those of the import's note column) set them instead. */
  marks = score_marks (self, entry_id, criterion_id);
  if (text != NULL)
    {
      g_autofree char *word = g_strstrip (g_strdup (text));

      /* Typed over the score, the word replaces it. */
      if (g_str_equal (word, "回避"))
        return save_score (self, entry_id, criterion_id, -1, FALSE, TRUE, error);
      if (g_str_equal (word, "弃权"))
        return save_score (self, entry_id, criterion_id, -1, TRUE, FALSE, error);
    }
  if (!tz_score_check (text, criterion->max_score, &value, error))
    return FALSE;
  return save_score (self, entry_id, criterion_id, value, (marks & MARK_ABSTAIN) != 0,
                     (marks & MARK_CONFLICT) != 0, error);
}

gboolean
tz_judging_page_set_score_marks (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id,
                                 gboolean abstain, gboolean conflict, GError **error)
{
  g_autofree char *text = NULL;
  double value = -1;

  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), FALSE);
  /* The value stays, so that clearing a mark brings it back. */
  text = tz_judging_page_get_score_text (self, entry_id, criterion_id);
  if (*text != '\0')
    value = g_ascii_strtod (text, NULL);
  return save_score (self, entry_id, criterion_id, value, abstain, conflict, error);
}

void
tz_judging_page_get_score_marks (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id,
                                 gboolean *abstain, gboolean *conflict)
{
  guint marks;

  g_return_if_fail (TZ_IS_JUDGING_PAGE (self));
  marks = score_marks (self, entry_id, criterion_id);
  if (abstain != NULL)
    *abstain = (marks & MARK_ABSTAIN) != 0;
  if (conflict != NULL)
    *conflict = (marks & MARK_CONFLICT) != 0;
}

gint64
tz_judging_page_get_selected_entry (TzJudgingPage *self)
{
  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), 0);
  return self->breakdown != NULL ? self->selected_entry : 0;
}

void
tz_judging_page_select_entry (TzJudgingPage *self, gint64 entry_id)
{
  GListModel *model;

  g_return_if_fail (TZ_IS_JUDGING_PAGE (self));
  model = G_LIST_MODEL (self->rows);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TzJudgingItem) item = g_list_model_get_item (model, i);

      if (item->row->entry_id == entry_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

const TzRankBreakdown *
tz_judging_page_get_breakdown (TzJudgingPage *self)
{
  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), NULL);
  return self->breakdown;
}

GtkWidget *
tz_judging_page_import_file (TzJudgingPage *self, gboolean metrics, const char *path)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_auto (TzImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean ok;

  g_return_val_if_fail (TZ_IS_JUDGING_PAGE (self), NULL);
  if (db == NULL || self->track_id == 0)
    return NULL;
  ok = metrics ? tz_metrics_import (db, self->track_id, path, FALSE, &result, &error)
               : tz_scores_import (db, self->track_id, path, FALSE, &result, &error);
  if (!ok && result.problems != NULL && result.problems->len > 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message;
      GString *body = g_string_new (NULL);

      for (guint i = 0; i < result.problems->len; i++)
        {
          TzImportProblem *p = result.problems->pdata[i];

          if (i > 0)
            g_string_append_c (body, '\n');
          if (p->row == 0)
            g_string_append (body, p->message);
          else
            /* TRANSLATORS: a problem of an imported file: row number, column header, what is wrong */
            g_string_append_printf (body, _ ("Row %u, “%s”: %s"), p->row, p->column, p->message);
        }
      message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        error != NULL ? error->message : NULL, body->str);
      g_string_free (body, TRUE);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return message;
    }
  if (!ok)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The file could not be imported"), error);
      return NULL;
    }
  title = g_strdup_printf (_ ("Rows imported: %u"), result.rows);
  tz_page_add_toast (TZ_PAGE (self), adw_toast_new (title));
  load_ranking (self);
  return NULL;
}
