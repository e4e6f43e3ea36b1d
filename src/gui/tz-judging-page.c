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
  gtk_widget_set_tooltip_text (self->recompute_button,
                               locked ? _ ("The awards are locked: unlock them to recompute")
                                      : _ ("Rank the entries again and save the awards"));
}

/* Reads the ranking of the shown track. */
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

static void
score_commit (GtkEntry *entry, TzJudgingPage *self)
{
  gint64 *entry_id = g_object_get_data (G_OBJECT (entry), "tz-entry-id");
  gint64 *criterion_id = g_object_get_data (G_OBJECT (entry), "tz-criterion-id");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;

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
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
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

static void
score_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzJudgingPage *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  gint64 *criterion_id = g_object_get_data (G_OBJECT (factory), "tz-criterion-id");
  const char *name = g_object_get_data (G_OBJECT (factory), "tz-criterion-name");

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0f);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  g_object_set_data_full (G_OBJECT (entry), "tz-criterion-id",
                          g_memdup2 (criterion_id, sizeof (gint64)), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (score_commit), self);
  g_signal_connect (focus, "leave", G_CALLBACK (score_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (list_item, entry);
}

static void
score_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzJudgingPage *self)
{
  TzJudgingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  gint64 *criterion_id = g_object_get_data (G_OBJECT (entry), "tz-criterion-id");
  g_autofree char *text = tz_judging_page_get_score_text (self, item->row->entry_id, *criterion_id);
  guint marks;

  g_object_set_data_full (G_OBJECT (entry), "tz-entry-id",
                          g_memdup2 (&item->row->entry_id, sizeof (gint64)), g_free);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The marks are the words of the import's note column. */
  marks = score_marks (self, item->row->entry_id, *criterion_id);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), (marks & MARK_CONFLICT)  ? "回避"
                                                     : (marks & MARK_ABSTAIN) ? "弃权"
                                                                              : NULL);
  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  gtk_widget_set_sensitive (entry, self->judge_id > 0);
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

      if (value != NULL && *value != '\0')
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

static void
load_ranking (TzJudgingPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *method = method_text (shown_track (self));
  gboolean locked = FALSE;

  gtk_label_set_text (self->method_label, method);
  load_scores (self);
  if (db == NULL || self->track_id == 0)
    {
      sync_lock (self, FALSE, FALSE);
      return;
    }

  if (!tz_ranking_is_locked (db, self->track_id, &locked, &error) ||
      (rows = tz_ranking_compute (db, self->track_id, FALSE, &error)) == NULL)
    {
      sync_lock (self, FALSE, FALSE);
      show_empty (self, _ ("No Entries in This Track"), NULL);
      tz_page_show_error (TZ_PAGE (self), _ ("The ranking could not be computed"), error);
      return;
    }
  sync_lock (self, TRUE, locked);

  /* The items take the rows. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, item_new (rows->pdata[i]));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
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
  g_autoptr (GtkNoSelection) selection = NULL;

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
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

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
  /* The abstain and conflict marks stay as they are. */
  marks = score_marks (self, entry_id, criterion_id);
  if (!tz_score_check (text, criterion->max_score, &value, error) ||
      !tz_score_save (db, entry_id, self->judge_id, criterion_id, value,
                      (marks & MARK_ABSTAIN) != 0, (marks & MARK_CONFLICT) != 0, NULL, error))
    return FALSE;
  if (value >= 0)
    g_hash_table_insert (self->scores, score_key (entry_id, criterion_id),
                         g_strdup_printf ("%g", value));
  else
    {
      g_autofree char *key = score_key (entry_id, criterion_id);

      g_hash_table_remove (self->scores, key);
    }
  return TRUE;
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
